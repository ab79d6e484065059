import { join } from 'node:path';

/**
 * Which compiled better-sqlite3 a process loads. `npm install` builds it for Node's ABI; Electron has its own, so the
 * Node build serves tests, browser mode and the CLI, and Electron gets a second copy:
 * - in development, the one `npm run rebuild:electron` builds into its own folder (never over node_modules);
 * - in a package, the one electron-builder rebuilt for Electron and left unpacked beside app.asar.
 */
export const ELECTRON_NATIVE_DIR = '.electron-native';
const ADDON = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];

export interface BindingContext {
  /** process.versions.electron: absent under plain Node. */
  electron?: string | undefined;
  packaged: boolean;
  /** process.resourcesPath inside Electron. */
  resourcesPath?: string | undefined;
  /** The app's root: the repository in development (app.getAppPath()). */
  appRoot: string;
}

/** The addon file to hand better-sqlite3 as `nativeBinding`, or undefined for its own (Node) build. */
export function nativeBindingFor(ctx: BindingContext): string | undefined {
  if (!ctx.electron) return undefined;
  if (ctx.packaged) return join(ctx.resourcesPath ?? '', 'app.asar.unpacked', ...ADDON);
  return join(ctx.appRoot, ELECTRON_NATIVE_DIR, ...ADDON);
}

let chosen: string | undefined;

/** Set once at start by the Electron shell, before any database opens. */
export function useNativeBinding(path: string | undefined): void {
  chosen = path;
}

export function nativeBinding(): string | undefined {
  return chosen;
}
