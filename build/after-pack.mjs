// electron-builder afterPack hook (electron-builder.yml): flips the fuses of the packaged Electron binary and, for
// Linux packages, refuses an addon or binary that needs a newer glibc than the oldest supported desktop.
// The Electron test suite never sees this: it runs the unfused binary from node_modules/electron (Playwright needs
// the inspector that the fuses turn off).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flipFuses } from '@electron/fuses';
import { compareVersions, deskFuses, electronExecutable, GLIBC_FLOOR, glibcFloor } from './fuses.mjs';

const ADDON = ['resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const info = context.packager.appInfo;
  const exe = electronExecutable(context.appOutDir, platform, info.productFilename, context.packager.executableName);
  await flipFuses(exe, deskFuses(platform));
  if (platform !== 'linux') return;
  const limit = process.env.DESK_GLIBC_FLOOR || GLIBC_FLOOR;
  for (const file of [exe, join(context.appOutDir, ...ADDON)]) {
    const needs = glibcFloor(readFileSync(file));
    if (needs && compareVersions(needs, limit) > 0) {
      throw new Error(`${file} needs glibc ${needs}, newer than ${limit}: build on the oldest target (see README, "Installers")`);
    }
  }
}
