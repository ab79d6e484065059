import { createHash } from 'node:crypto';
import { createSession } from '../../src/main/sessions';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import { restoreBackup } from '../../src/main/db/backup';
import { insertUser } from '../../src/main/db/users';
import { contract, type Channel } from '../../src/shared/contract';
import { ROLES } from '../../src/shared/domain/units';
import { listInput } from '../helpers/desk';
import { emptyFilingFields } from '../../src/shared/schemas/filing';
import type { BackupInfo } from '../../src/shared/contract/backup';
import type { Result } from '../../src/shared/result';

const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASSWORD = 'corrupt-test-pass';
const open = (dir: string) => createDesk(dir, { mode: 'test', scrypt: SCRYPT, checkOutputs: true });

async function as<T = any>(desk: Desk, conn: string, channel: string, input: unknown): Promise<T> {
  const r = (await desk.dispatch(channel, input, { connectionId: conn, lang: 'zh-CN' })) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Garbage over a run of pages in the middle of the file, where the tables and indexes live. */
function damage(path: string): void {
  const page = 4096;
  const size = statSync(path).size;
  const pages = Math.floor(size / page);
  const start = Math.max(2, Math.floor(pages / 2) - 4) * page;
  const junk = Buffer.alloc(8 * page);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 17) % 251; // deterministic, not all one byte
  const fd = openSync(path, 'r+');
  writeSync(fd, junk, 0, Math.min(junk.length, size - start), start);
  closeSync(fd);
}

let root: string;
let dataDir: string;
let backup: BackupInfo;
let filingsBefore: number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-corrupt-'));
  dataDir = join(root, 'data');
  const desk = open(dataDir);
  await as(desk, 'a', 'auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
  await as(desk, 'a', 'accounts.create', { username: 'clerk', displayName: '李静', role: 'clerk', unit: 'sp', password: PASSWORD });
  await as(desk, 'c', 'auth.login', { username: 'clerk', password: PASSWORD });
  // Enough rows that the middle of the file holds table pages, not just the schema.
  for (let i = 0; i < 60; i++) await as(desk, 'c', 'filing.create', { fields: emptyFilingFields() });
  backup = await as<BackupInfo>(desk, 'a', 'backup.create', {});
  filingsBefore = desk.services.store.sqlite.prepare('SELECT count(*) FROM filings').pluck().get() as number;
  desk.close();
  damage(join(dataDir, 'desk.sqlite'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('starting on a damaged database (corrupt-1)', () => {
  let damagedHash: string;
  let filesBefore: string[];
  let desk: Desk;

  beforeAll(() => {
    damagedHash = sha(join(dataDir, 'desk.sqlite'));
    filesBefore = readdirSync(dataDir).sort();
    desk = open(dataDir);
  });

  it('fails closed, says why, and offers the latest verified backup', async () => {
    expect(desk.services.store.health).toMatchObject({
      ok: false,
      problem: 'db.corrupt',
      path: join(dataDir, 'desk.sqlite'),
      latestBackup: backup.path,
    });
    const status = await as(desk, 'x', 'auth.status', {});
    expect(status.db).toMatchObject({ ok: false, problem: 'db.corrupt', latestBackup: backup.path });
    expect(status.db.detail).toBeTruthy();
    // The screen prints the command for this installation (a checkout here) and this very folder.
    expect(status.db.restoreCommand).toBe(`npm run desk -- restore ${backup.path} --data-dir ${dataDir}`);
  });

  it('refuses every write channel with READ_ONLY, signed in or not', async () => {
    const writes = (Object.keys(contract) as Channel[]).filter((c) => contract[c].writes);
    expect(writes).toEqual(
      expect.arrayContaining(['auth.setup', 'auth.login', 'accounts.create', 'settings.update', 'filing.create', 'backup.create']),
    );
    // The stand-in store is empty; put one person of each role in it so role checks pass and the refusal is READ_ONLY's.
    for (const role of ROLES) {
      const actor = await desk.services.store.db.transaction().execute((trx) =>
        insertUser(trx, {
          username: `${role}-x`,
          displayName: role,
          role,
          unit: role === 'reviewer' ? 'yj' : role === 'clerk' ? 'sp' : null,
          passwordHash: 'x',
          now: new Date().toISOString(),
        }),
      );
      desk.services.sessions.set(`as-${role}`, await createSession(desk.services, actor.id, new Date()));
    }
    for (const channel of writes) {
      const access = contract[channel].access;
      const conn = access === 'public' || access === 'user' ? 'as-admin' : `as-${access[0]}`;
      const signedIn = await desk.dispatch(channel, {}, { connectionId: conn, lang: 'en' });
      expect(signedIn, channel).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      const anonymous = await desk.dispatch(channel, {}, { connectionId: 'nobody', lang: 'en' });
      expect(anonymous.ok, channel).toBe(false);
      if (!anonymous.ok) expect(['READ_ONLY', 'UNAUTHENTICATED'], channel).toContain(anonymous.error.code);
      if (access === 'public') expect(anonymous, channel).toMatchObject({ error: { code: 'READ_ONLY' } });
    }
  });

  it('keeps the damaged file byte for byte and deletes nothing', () => {
    desk.close();
    expect(sha(join(dataDir, 'desk.sqlite'))).toBe(damagedHash);
    const after = readdirSync(dataDir);
    for (const f of filesBefore) expect(after).toContain(f);
  });

  it('is repaired by restoring the offered backup, with the damaged file kept aside', async () => {
    const report = await restoreBackup(backup.path, dataDir, { now: new Date('2026-11-26T08:00:00.000Z') });
    const aside = join(dataDir, 'desk.sqlite.damaged-20261126T080000000Z');
    expect(report.movedAside).toContain(aside);
    expect(sha(aside)).toBe(damagedHash);
    expect(report.filings).toBe(filingsBefore);
    const healed = open(dataDir);
    try {
      expect(healed.services.store.health).toMatchObject({ ok: true, problem: null });
      await as(healed, 'a', 'auth.login', { username: 'admin', password: PASSWORD });
      expect(await as(healed, 'a', 'audit.verify', {})).toMatchObject({ ok: true });
      const list = await as(healed, 'a', 'filing.list', listInput({ sort: 'filingNo', dir: 'asc', limit: 10 }));
      expect(list.total).toBe(filingsBefore);
    } finally {
      healed.close();
    }
  });
});
