// How `npm start` finds or installs the Electron binary, and builds better-sqlite3 for it. Kept apart from start.mjs
// so the decisions can be tested in Node with the real installer (test/unit/electron-launch.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The first line that says something, for a one-line reason. */
export function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, but without its download fallback.
 * Returns { path } or { missing: true, reason } (install may help) or { reason } (installing would not help).
 */
export function electronBinary(root, env = process.env, probe = probeBinary) {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return { missing: true, reason: 'the binary was never downloaded (node_modules/electron/path.txt missing)' };
  const path = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  if (!existsSync(path)) return { missing: !override, reason: `${path} does not exist` };
  const failure = probe(path);
  if (failure) return { reason: `\`electron --version\` failed (${failure})` };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'no display (DISPLAY is not set)' };
  return { path };
}

/** Runs `electron --version`; answers null when it works, else why not. */
export function probeBinary(path) {
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status === 0 && /^v\d+/.test(probe.stdout.trim())) return null;
  return probe.error?.message ?? (firstLine(probe.stderr) || `exit ${probe.status}`);
}

/**
 * Electron's own installer (node_modules/electron/install.js): downloads the binary for this platform, verifies it
 * against the package's checksums and writes path.txt. It honours ELECTRON_MIRROR (offices in China use e.g.
 * https://npmmirror.com/mirrors/electron/) and electron_config_cache. Answers null on success, else one line.
 */
export function runElectronInstaller(root, env = process.env) {
  const script = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return 'node_modules/electron/install.js is missing';
  console.error(`Electron binary missing; downloading it from ${env.ELECTRON_MIRROR || DEFAULT_MIRROR} …`);
  const r = spawnSync(process.execPath, [script], { cwd: root, env, encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status === 0) return null;
  const mirror = env.ELECTRON_MIRROR ? `ELECTRON_MIRROR=${env.ELECTRON_MIRROR}` : 'no ELECTRON_MIRROR set';
  return `Electron's installer failed, ${mirror}: ${r.error?.message ?? (firstLine(r.stderr) || `exit ${r.status}`)}`;
}

/**
 * The decision `npm start` makes: a working binary is used; a missing one is installed once and looked up again;
 * anything else (no display, a binary that does not run, an installer that fails) falls back with its reason.
 */
export function ensureElectron({ find, install }) {
  const first = find();
  if (first.path || !first.missing) return first.path ? { path: first.path } : { reason: first.reason };
  const failed = install();
  if (failed) return { reason: failed };
  const second = find();
  return second.path ? { path: second.path } : { reason: `installed, but still not usable: ${second.reason}` };
}
