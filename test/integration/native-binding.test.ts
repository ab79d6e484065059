import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ELECTRON_NATIVE_DIR, nativeBinding, nativeBindingFor, useNativeBinding } from '../../src/main/db/native';
import { openSqlite } from '../../src/main/db/connection';
import { openStore } from '../../src/main/db/store';

const repo = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'desk-native-'));
const nodeBuild = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
afterEach(() => useNativeBinding(undefined));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which better-sqlite3 build a process loads', () => {
  it('under Node: better-sqlite3’s own (Node) build', () => {
    expect(nativeBindingFor({ electron: undefined, packaged: false, appRoot: repo })).toBeUndefined();
    expect(nativeBindingFor({ electron: process.versions.electron, packaged: false, appRoot: repo })).toBeUndefined();
  });
  it('under Electron in development: the copy built for Electron in its own folder, not node_modules', () => {
    const path = nativeBindingFor({ electron: '45.5.0', packaged: false, appRoot: repo });
    expect(path).toBe(join(repo, ELECTRON_NATIVE_DIR, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(path).not.toBe(nodeBuild);
  });
  it('under a packaged Electron: the addon unpacked beside app.asar', () => {
    const path = nativeBindingFor({
      electron: '45.5.0',
      packaged: true,
      resourcesPath: '/opt/desk/resources',
      appRoot: '/opt/desk/resources/app.asar',
    });
    expect(path).toBe(
      join('/opt/desk/resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
  });
});

describe('openSqlite hands the chosen build to better-sqlite3', () => {
  it('opens with its default build when none is chosen', () => {
    expect(nativeBinding()).toBeUndefined();
    const db = openSqlite(join(dir, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
  it('loads exactly the file it is given', () => {
    useNativeBinding(nodeBuild);
    const db = openSqlite(join(dir, 'b.sqlite'));
    expect(db.prepare('select 6 * 7 as n').get()).toEqual({ n: 42 });
    db.close();
    // A path that does not exist fails there, which shows the option reached better-sqlite3.
    const missing = join(dir, 'nowhere', 'better_sqlite3.node');
    useNativeBinding(missing);
    expect(() => openSqlite(join(dir, 'c.sqlite'))).toThrow(/nowhere/);
  });
  it('the store opens with the chosen build too (the Electron shell sets it before the desk opens)', () => {
    useNativeBinding(nodeBuild);
    const store = openStore(join(dir, 'store'));
    expect(store.health.ok).toBe(true);
    store.close();
  });
});
