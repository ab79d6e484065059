import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import { runStartupChecks } from '../../src/main/startup-checks';
import type { Result } from '../../src/shared/result';

const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASSWORD = 'integrity-test-pass-2026';
const open = (dir: string) => createDesk(dir, { mode: 'test', scrypt: SCRYPT });
const call = (desk: Desk, conn: string, channel: string, input: unknown) =>
  desk.dispatch(channel, input, { connectionId: conn, lang: 'en' }) as Promise<Result<any>>;

/**
 * What the tester did: in the username index, one key edited in place ('observer' → 'observez'). The page stays
 * well-formed and in order, so quick_check passes; only integrity_check compares the index with the table.
 */
function editUsernameIndex(path: string): void {
  const db = new Database(path, { readonly: true });
  const index = (db.pragma('index_list(users)') as { name: string }[]).find(
    (i) => (db.pragma(`index_info(${i.name})`) as { name: string }[])[0]?.name === 'username',
  )!;
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index.name) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf(Buffer.from('observer'));
  expect(at).toBeGreaterThan(0);
  page[at + 7] = 'z'.charCodeAt(0);
  writeFileSync(path, bytes);
}

let root: string;
let dataDir: string;
const dbFile = () => join(dataDir, 'desk.sqlite');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-integrity-'));
  dataDir = join(root, 'data');
  const desk = open(dataDir);
  expect((await call(desk, 'a', 'auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD })).ok).toBe(true);
  const observer = { username: 'observer', displayName: '观察员', role: 'observer', unit: null, password: PASSWORD };
  expect((await call(desk, 'a', 'accounts.create', observer)).ok).toBe(true);
  expect((await call(desk, 'a', 'backup.create', {})).ok).toBe(true);
  desk.close();
  editUsernameIndex(dbFile());
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the full integrity check after start and before each backup (corrupt-2)', () => {
  it('quick_check misses the edited index, so the desk starts healthy while the observer cannot sign in', async () => {
    const desk = open(dataDir);
    try {
      expect(desk.services.store.health.ok).toBe(true);
      const login = await call(desk, 'o', 'auth.login', { username: 'observer', password: PASSWORD });
      expect(login.ok).toBe(false);
    } finally {
      desk.close();
    }
  });

  it('after start, the background check finds it and the desk goes read-only with the damaged-database screen', async () => {
    const desk = open(dataDir);
    try {
      expect((await call(desk, 'a', 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
      await runStartupChecks(desk);
      const health = desk.services.store.health;
      expect(health).toMatchObject({ ok: false, problem: 'db.corrupt', path: dbFile() });
      expect(health.detail).toMatch(/missing from index/);
      expect(health.latestBackup).toBeTruthy();
      expect(health.restoreCommand).toContain(`--data-dir ${dataDir}`);
      const status = await call(desk, 'x', 'auth.status', {});
      expect(status).toMatchObject({ ok: true, value: { db: { ok: false, problem: 'db.corrupt' } } });
      const write = await call(desk, 'a', 'accounts.create', {
        username: 'late',
        displayName: 'x',
        role: 'observer',
        unit: null,
        password: PASSWORD,
      });
      expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    } finally {
      desk.close();
    }
  });

  it('a backup runs the full check first: refused, no copy made, and the desk goes read-only', async () => {
    const desk = open(dataDir);
    try {
      expect(desk.services.store.health.ok).toBe(true);
      const backupsBefore = readdirSync(join(dataDir, 'backups')).sort();
      // The admin's index key is intact, so the administrator can still sign in and ask for a backup.
      expect((await call(desk, 'a', 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
      const backup = await call(desk, 'a', 'backup.create', {});
      expect(backup.ok).toBe(false);
      expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(backupsBefore);
      expect(desk.services.store.health).toMatchObject({ ok: false, problem: 'db.corrupt' });
    } finally {
      desk.close();
    }
  });
});
