import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';

/**
 * The resources folder: next to the built main bundle in a package, at the repository root in development and tests.
 * Walks up from this file so the same code works from src/ (vitest) and out/main (built).
 */
export function resourcesDir(): string {
  if (process.env.DESK_RESOURCES) return process.env.DESK_RESOURCES;
  // A packaged app: electron-builder's extraResources put defaults/ and fonts/ beside app.asar.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'defaults'))) return packaged;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'defaults'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('resources');
}

/** The per-user data folder of the app and the CLI alike, when no --data-dir is given (one folder on every OS). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'PilotDesk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'PilotDesk');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'pilot-desk');
}
