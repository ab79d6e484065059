// npm start: the Electron app when its binary can run here, otherwise browser mode with demo data on first run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root, runNode } from './serve.mjs';

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, but without its fallback:
 * requiring that module tries to download the binary, which cannot work on a closed network.
 * Returns { path } or { reason }.
 */
export function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { reason: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return { reason: 'the binary was never downloaded (node_modules/electron/path.txt missing)' };
  const path = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  if (!existsSync(path)) return { reason: `${path} does not exist` };
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0 || !/^v\d+/.test(probe.stdout.trim())) {
    return {
      reason: `\`electron --version\` failed (${probe.error?.message ?? probe.stderr.trim().split('\n')[0] ?? `exit ${probe.status}`})`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { reason: 'no display (DISPLAY is not set)' };
  return { path };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureBuilt();
  const electron = electronBinary();
  if (electron.path) {
    const child = spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.error(`Electron binary not available (${electron.reason}); serving browser mode instead`);
    // --demo only loads when the store has no users, i.e. on the first run.
    runNode('out/main/host.js', ['--demo', ...process.argv.slice(2)]);
  }
}
