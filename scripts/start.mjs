// npm start: the Electron app — downloading its binary with Electron's own installer when it is missing — and
// otherwise browser mode with demo data on first run, saying in one line why.
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root, runNode } from './serve.mjs';
import { electronBinary as findBinary, ensureElectron, firstLine, runElectronInstaller } from './electron-launch.mjs';
import { electronAddonReady } from './electron-native.mjs';

/** The binary as it is now, without installing (used by test/electron/run.mjs). */
export const electronBinary = () => findBinary(root);

/** Builds better-sqlite3 for Electron when it is missing or for another Electron version; null or why not. */
function ensureAddon() {
  if (electronAddonReady(root)) return null;
  console.error('Building better-sqlite3 for Electron (once per Electron version) …');
  const r = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { cwd: root, stdio: ['ignore', 2, 'pipe'], encoding: 'utf8' });
  return r.status === 0 ? null : firstLine(r.stderr) || `npm run rebuild:electron exited with ${r.status}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureBuilt();
  const electron = ensureElectron({ find: electronBinary, install: () => runElectronInstaller(root) });
  const addonProblem = electron.path ? ensureAddon() : null;
  if (electron.path && !addonProblem) {
    const child = spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    const why = electron.reason ?? `better-sqlite3 could not be built for Electron: ${addonProblem}`;
    console.error(`Electron not started (${why}); serving browser mode instead`);
    // --demo only loads when the store has no users, i.e. on the first run.
    runNode('out/main/host.js', ['--demo', ...process.argv.slice(2)]);
  }
}
