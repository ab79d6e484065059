import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
// @ts-expect-error plain .mjs build script without type declarations
import { compareVersions, deskFuses, electronExecutable, GLIBC_FLOOR, glibcFloor } from '../../build/fuses.mjs';

const repo = join(__dirname, '..', '..');
const require = createRequire(__filename);

/** electron-builder's own loader and schema validator: the configuration as `npm run dist` will see it. */
async function builderConfig(): Promise<Record<string, any>> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  const config = await getConfig(repo, null, null);
  // The validator normalises what it checks (e.g. `files` into filters): assert on the file as written.
  const written = structuredClone(config);
  await validateConfiguration(config, new DebugLogger(false));
  return written;
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s schema and names the app', async () => {
    const c = await builderConfig();
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(c.productName).toBe('化工中试项目联审登记平台');
    expect(existsSync(join(repo, c.win.icon))).toBe(true);
    expect(existsSync(join(repo, c.linux.icon))).toBe(true);
  });
  it('unpacks the better-sqlite3 addon from the archive', async () => {
    const c = await builderConfig();
    const mm = require('minimatch');
    const minimatch: (path: string, glob: string) => boolean = typeof mm === 'function' ? mm : mm.minimatch;
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect((c.asarUnpack as string[]).some((g) => minimatch(addon, g))).toBe(true);
    expect(c.npmRebuild).toBe(true);
  });
  it('copies only the two Noto Serif SC weights (and the licence) into resources/fonts, not the package', async () => {
    const c = await builderConfig();
    const fonts = (c.extraResources as { from: string; to: string }[]).filter((r) => r.to.startsWith('fonts/'));
    expect(fonts.map((r) => r.to).sort()).toEqual([
      'fonts/NotoSerifSC_400Regular.ttf',
      'fonts/NotoSerifSC_700Bold.ttf',
      'fonts/OFL-NotoSerifSC.txt',
    ]);
    for (const r of fonts) expect(existsSync(join(repo, r.from))).toBe(true);
    const files = (c.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toContain('!node_modules/@expo-google-fonts/**');
    // src/main/pdf/fonts.ts looks for them in <resources>/fonts, beside the defaults resourcesDir() finds.
    expect(c.extraResources).toContainEqual({ from: 'resources/defaults', to: 'defaults' });
  });
  it('builds NSIS for Windows and deb for x64 and arm64 Linux, keeping the chrome-sandbox handling', async () => {
    const c = await builderConfig();
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(c.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    // electron-builder's after-install makes chrome-sandbox SUID only without user namespaces; not overridden.
    expect(c.deb.afterInstall).toBeUndefined();
    const script = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    expect(script).toContain("chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'");
  });
  it('runs the fuse hook after packing, and the hook exports a function', async () => {
    const c = await builderConfig();
    expect(c.afterPack).toBe('./build/after-pack.mjs');
    // @ts-expect-error plain .mjs build script without type declarations
    const hook = await import('../../build/after-pack.mjs');
    expect(typeof hook.default).toBe('function');
  });
});

describe('fuses of the packaged binary', () => {
  it('turns run-as-node, NODE_OPTIONS, --inspect and file:// privileges off; ASAR integrity and ASAR-only on', () => {
    const f = deskFuses('linux');
    expect(f[FuseV1Options.RunAsNode]).toBe(false);
    expect(f[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(f[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(f[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(f[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(f[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });
  it('decides every fuse this @electron/fuses knows, so a new one fails the build until decided', () => {
    const f = deskFuses('win32');
    expect(f.strictlyRequireAllFuses).toBe(true);
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of known) expect(typeof f[fuse as FuseV1Options]).toBe('boolean');
    expect(deskFuses('darwin').resetAdHocDarwinSignature).toBe(true);
  });
  it('finds the executable electron-builder writes per platform', () => {
    expect(electronExecutable('/o', 'win32', '化工中试项目联审登记平台', 'pilot-desk')).toBe('/o/化工中试项目联审登记平台.exe');
    expect(electronExecutable('/o', 'linux', '化工中试项目联审登记平台', 'pilot-desk')).toBe('/o/pilot-desk');
  });
});

describe('the glibc floor of Linux packages', () => {
  it('reads the newest glibc symbol version an ELF file needs', () => {
    const bytes = Buffer.from('\0GLIBC_2.2.5\0memcpy\0GLIBC_2.28\0GLIBC_2.17\0GLIBC_PRIVATE\0');
    expect(glibcFloor(bytes)).toBe('2.28');
    expect(glibcFloor(Buffer.from('no versions here'))).toBeNull();
  });
  it.skipIf(process.platform !== 'linux')('reads real binaries: Node’s own build and this machine’s better-sqlite3', () => {
    // Official Node 20 builds target glibc 2.28; the addon compiled here (Debian 12) needs newer, so afterPack
    // would refuse to package it for UOS 20: exactly the check it exists for.
    expect(compareVersions(glibcFloor(readFileSync(process.execPath)) ?? '0', '2.28')).toBeLessThanOrEqual(0);
    const addon = readFileSync(join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(compareVersions(glibcFloor(addon), GLIBC_FLOOR)).toBeGreaterThan(0);
  });
  it('compares versions numerically', () => {
    expect(compareVersions('2.28', '2.3')).toBeGreaterThan(0);
    expect(compareVersions('2.31', '2.31.0')).toBe(0);
  });
});
