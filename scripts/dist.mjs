// npm run dist [-- electron-builder arguments]: installers for this machine's platform (electron-builder.yml).
// Needs network: electron-builder downloads Electron and rebuilds better-sqlite3 for it in node_modules, which
// replaces the Node build that tests, browser mode and the CLI use; this script puts the Node build back afterwards.
// Examples: `npm run dist -- --win nsis --x64` (on Windows), `npm run dist -- --linux deb --arm64` (on an arm64
// machine with the oldest supported glibc: native modules are not cross-compiled).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './serve.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
ensureBuilt();
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const built = spawnSync(process.execPath, [builder, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
console.error('restoring the Node build of better-sqlite3 …');
const restored = spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (restored.status !== 0) console.error('`npm rebuild better-sqlite3` failed: run it before `npm test`');
process.exit(built.status ?? 1);
