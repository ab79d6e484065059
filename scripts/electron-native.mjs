// npm run rebuild:electron — builds better-sqlite3 for Electron's ABI into .electron-native/, a folder of its own.
// Never run at install or in tests: it downloads Electron's headers (or a prebuilt addon), and pointed at the
// project's node_modules it would replace the Node build that tests, browser mode and the CLI load.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NATIVE_DIR = '.electron-native';
const ADDON = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];

export const electronAddonPath = (root) => join(root, NATIVE_DIR, ...ADDON);
const stampPath = (root) => join(root, NATIVE_DIR, 'electron-version.txt');
const electronVersion = (root) => JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** True when the Electron addon exists and was built for the installed Electron version. */
export function electronAddonReady(root) {
  return (
    existsSync(electronAddonPath(root)) &&
    existsSync(stampPath(root)) &&
    readFileSync(stampPath(root), 'utf8').trim() === electronVersion(root)
  );
}

/** Copies better-sqlite3's sources (not its Node build) into the folder and rebuilds them there for Electron. */
export async function buildElectronAddon(root) {
  const dir = join(root, NATIVE_DIR);
  const source = join(root, 'node_modules', 'better-sqlite3');
  const target = join(dir, 'node_modules', 'better-sqlite3');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(source, target, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'desk-electron-native', private: true, dependencies: { 'better-sqlite3': version } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  const electron = electronVersion(root);
  // ELECTRON_HEADERS_URL: a mirror of https://www.electronjs.org/headers where that site cannot be reached.
  const headerURL = process.env.ELECTRON_HEADERS_URL;
  await rebuild({
    buildPath: dir,
    electronVersion: electron,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
    ...(headerURL ? { headerURL } : {}),
  });
  if (!existsSync(electronAddonPath(root))) throw new Error(`@electron/rebuild finished but ${electronAddonPath(root)} is missing`);
  writeFileSync(stampPath(root), electron);
  return electronAddonPath(root);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { root } = await import('./serve.mjs');
  buildElectronAddon(root).then(
    (path) => console.log(`better-sqlite3 for Electron: ${path}`),
    (err) => {
      console.error(`could not build better-sqlite3 for Electron: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
}
