import { resolve } from 'node:path';
import { defaultDataDir } from '../../paths';

/**
 * Variables that only tests and `electron-vite dev` may set. A packaged desk ignores them, so nobody can lower the
 * password hashing, move the data folder, expose inspection hooks or load the renderer from another server by
 * starting the installed app with a crafted environment.
 */
export const DEVELOPMENT_VARIABLES = ['DESK_TEST_FAST_KDF', 'DESK_DATA_DIR', 'ELECTRON_RENDERER_URL', 'DESK_E2E_INSPECT', 'DESK_RESOURCES'];

export function shellEnv(env: NodeJS.ProcessEnv, packaged: boolean): NodeJS.ProcessEnv {
  if (!packaged) return { ...env };
  const clean = { ...env };
  for (const name of DEVELOPMENT_VARIABLES) delete clean[name];
  return clean;
}

/**
 * The one data folder, shared by the app and the CLI on every OS (paths.ts defaultDataDir): Electron's own userData
 * (~/.config/<name> on Linux) would differ from the CLI's (~/.local/share/pilot-desk). `--data-dir` (maintenance
 * switches) and DESK_DATA_DIR (tests, development) point elsewhere.
 */
export function appDataDir(env: NodeJS.ProcessEnv, explicit?: string | null): string {
  if (explicit) return resolve(explicit);
  if (env.DESK_DATA_DIR) return resolve(env.DESK_DATA_DIR);
  return defaultDataDir();
}
