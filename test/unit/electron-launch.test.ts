import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without type declarations
import { electronBinary, ensureElectron, firstLine, runElectronInstaller } from '../../scripts/electron-launch.mjs';

const repo = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'desk-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Found = { path?: string; missing?: boolean; reason?: string };

/** A fake checkout with an electron package in a given state. */
function checkout(name: string, state: 'no-package' | 'no-path-txt' | 'binary-gone' | 'binary'): string {
  const root = join(scratch, name);
  const pkg = join(root, 'node_modules', 'electron');
  if (state === 'no-package') mkdirSync(root, { recursive: true });
  else mkdirSync(join(pkg, 'dist'), { recursive: true });
  if (state === 'binary-gone' || state === 'binary') writeFileSync(join(pkg, 'path.txt'), 'electron');
  if (state === 'binary') {
    writeFileSync(join(pkg, 'dist', 'electron'), '#!/bin/sh\necho v45.5.0\n');
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
  }
  return root;
}

describe('finding the Electron binary', () => {
  const display = { DISPLAY: ':0' };
  it('says the package is missing, and that installing the binary would not help', () => {
    const found: Found = electronBinary(checkout('a', 'no-package'), display);
    expect(found.missing).toBeFalsy();
    expect(found.reason).toMatch(/not installed/);
  });
  it('marks a never-downloaded or deleted binary as missing, so npm start runs the installer', () => {
    expect(electronBinary(checkout('b', 'no-path-txt'), display)).toMatchObject({ missing: true });
    expect(electronBinary(checkout('c', 'binary-gone'), display)).toMatchObject({ missing: true });
  });
  it('uses a binary that answers --version, and refuses one that does not run', () => {
    const root = checkout('d', 'binary');
    expect(electronBinary(root, display)).toEqual({ path: join(root, 'node_modules', 'electron', 'dist', 'electron') });
    const broken: Found = electronBinary(root, display, () => 'exit 127');
    expect(broken).toEqual({ reason: '`electron --version` failed (exit 127)' });
  });
  it.skipIf(process.platform !== 'linux')('needs a display on Linux (not something an install fixes)', () => {
    const found: Found = electronBinary(checkout('e', 'binary'), {});
    expect(found).toEqual({ reason: 'no display (DISPLAY is not set)' });
  });
});

describe('what npm start decides', () => {
  const missing = { missing: true, reason: 'path.txt missing' };
  it('runs a binary that is there without installing', () => {
    let installs = 0;
    const r = ensureElectron({ find: () => ({ path: '/x/electron' }), install: () => (installs++, null) });
    expect(r).toEqual({ path: '/x/electron' });
    expect(installs).toBe(0);
  });
  it('installs a missing binary once and then uses it', () => {
    const seen = [missing, { path: '/x/electron' }];
    let installs = 0;
    const r = ensureElectron({ find: () => seen.shift(), install: () => (installs++, null) });
    expect(r).toEqual({ path: '/x/electron' });
    expect(installs).toBe(1);
  });
  it('falls back with the installer’s reason when it fails', () => {
    const r = ensureElectron({ find: () => missing, install: () => 'Electron’s installer failed: fetch failed' });
    expect(r).toEqual({ reason: 'Electron’s installer failed: fetch failed' });
  });
  it('does not install when the problem is something else (no display)', () => {
    let installs = 0;
    const r = ensureElectron({ find: () => ({ reason: 'no display' }), install: () => (installs++, null) });
    expect(r).toEqual({ reason: 'no display' });
    expect(installs).toBe(0);
  });
  it('says so when the installer succeeded but the binary is still unusable', () => {
    const r = ensureElectron({ find: () => missing, install: () => null });
    expect(r.reason).toMatch(/^installed, but still not usable: path.txt missing/);
  });
  it('keeps one line of an error dump', () => {
    expect(firstLine('\n  TypeError: fetch failed\n    at x (y.js:1)\n')).toBe('TypeError: fetch failed');
  });
});

// The real installer of the installed electron package, pointed at a mirror nobody serves: it must fail and the
// reason must name the mirror. Where the binary is already installed the installer exits at once with success.
const installed = existsSync(join(repo, 'node_modules', 'electron', 'path.txt'));
describe.skipIf(installed)('Electron’s own installer on a closed network', () => {
  it('fails in one line that names the mirror it used', () => {
    const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(scratch, 'cache') };
    const reason: string | null = runElectronInstaller(repo, env);
    expect(reason).toMatch(/^Electron's installer failed, ELECTRON_MIRROR=http:\/\/127\.0\.0\.1:9\/: \S/);
    expect(reason).not.toContain('\n');
    expect(existsSync(join(repo, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });
});
