// npm run test:electron: runs the Electron suite where a binary can run; elsewhere says why in one line and skips.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/start.mjs';
import { ensureBuilt, root } from '../../scripts/serve.mjs';
import { electronAddonReady } from '../../scripts/electron-native.mjs';

const electron = electronBinary();
if (!electron.path) {
  console.log(`Electron binary not available (${electron.reason}); skipping Electron tests`);
  process.exit(0);
}
// Building the addon downloads Electron's headers: that belongs to `npm start` or `npm run rebuild:electron`, not tests.
if (!electronAddonReady(root)) {
  console.log('better-sqlite3 is not built for Electron (run `npm run rebuild:electron` once); skipping Electron tests');
  process.exit(0);
}
ensureBuilt();
const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const result = spawnSync(
  process.execPath,
  [cli, 'test', '-c', join(root, 'test', 'electron', 'playwright.config.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DESK_ELECTRON_PATH: electron.path },
  },
);
process.exit(result.status ?? 1);
