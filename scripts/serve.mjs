// npm run serve -- [--data-dir DIR] [--port N] [--demo]
// Builds when out/ is missing or older than the sources, then runs browser mode (out/main/host.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const OUTPUTS = [
  'out/main/index.js',
  'out/main/host.js',
  'out/main/desk.js',
  'out/main/server.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'postcss.config.cjs'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function needsBuild() {
  const built = OUTPUTS.map((p) => join(root, p));
  if (built.some((p) => !existsSync(p))) return true;
  const oldestOutput = Math.min(...built.map((p) => statSync(p).mtimeMs));
  return Math.max(...INPUTS.map((p) => newest(join(root, p)))) > oldestOutput;
}

/** Runs `electron-vite build` when needed; build output goes to stderr so stdout stays parseable. */
export function ensureBuilt() {
  if (!needsBuild()) return;
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    console.error('build failed: electron-vite build exited with', result.status ?? result.signal);
    process.exit(1);
  }
}

/** Runs a built entry with node, passing signals through so Ctrl+C closes the database cleanly. */
export function runNode(entry, args) {
  const child = spawn(process.execPath, [join(root, entry), ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureBuilt();
  runNode('out/main/host.js', process.argv.slice(2));
}
