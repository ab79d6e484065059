// Packaging rules that the afterPack hook applies and test/unit/packaging.test.ts checks in Node.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuses of every packaged build (reliability.md). Run-as-node, NODE_OPTIONS and --inspect off, so the installed
 * binary cannot be turned into a general Node runtime or debugged into; the app loads only from its ASAR, whose
 * integrity is checked (where Electron supports it: Windows and macOS); file:// gets no extra privileges (the desk is
 * served from app://). Every fuse is set, so an Electron upgrade that adds one fails the build until it is decided.
 */
export function deskFuses(platform) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // macOS arm64 refuses a binary whose ad-hoc signature no longer matches after the flip.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** The Electron executable inside an unpacked app folder, as electron-builder names it per platform. */
export function electronExecutable(appOutDir, platform, productFilename, executableName) {
  if (platform === 'darwin') return `${appOutDir}/${productFilename}.app/Contents/MacOS/${productFilename}`;
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName}`;
}

/**
 * The newest glibc symbol version an ELF file asks for ("2.36"), read from its version-needed strings; null when it
 * names none. The Linux packages must load on UOS 20 (glibc 2.28) and Kylin V10 (2.31).
 */
export function glibcFloor(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  let best = null;
  for (const m of text.matchAll(/GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\0/g)) {
    const v = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (!best || compareVersions(v, best) > 0) best = v;
  }
  return best ? best.slice(0, best[2] ? 3 : 2).join('.') : null;
}

export function compareVersions(a, b) {
  const x = typeof a === 'string' ? a.split('.').map(Number) : a;
  const y = typeof b === 'string' ? b.split('.').map(Number) : b;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The oldest glibc the Linux packages support (UOS 20); DESK_GLIBC_FLOOR may raise it for a given build. */
export const GLIBC_FLOOR = '2.28';
