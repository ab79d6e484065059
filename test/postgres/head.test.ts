/**
 * head-1 on the district server: the signed chain head kept in PostgreSQL (exactly the last entry, whichever
 * instance wrote it) and the head anchored outside it (the data folder's file). A log shortened behind the desk, a
 * removed database head, or an older dump restored under a newer anchor: the store opens read-only and says why, and
 * the server refuses to start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore, type PgStore } from '../../src/main/db/postgres/store';
import { DB_HEAD_KEY } from '../../src/main/db/postgres/head';
import { currentHeadOf } from '../../src/main/db/audit';
import { createServices, write, type Ctx } from '../../src/main/services';
import { createDatabase, databaseUrl } from '../helpers/store';
import { buildServerOnce, spawnServer } from '../helpers/server';

let dir: string;
let shared: string;
let admin: pg.Client;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-pg-head-'));
  shared = join(dir, 'shared');
  admin = new pg.Client({ connectionString: process.env.DESK_PG_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

const ctxOn = (store: PgStore): Ctx => ({
  services: createServices(store),
  actor: null,
  now: new Date('2026-03-02T02:00:00Z'),
  lang: 'en',
  connectionId: 'pg-head',
});
const append = (store: PgStore, n: number, tag: string) =>
  Promise.all(
    Array.from({ length: n }, (_, i) => write(ctxOn(store), ({ audit }) => audit({ action: 'test.append', target: `${tag}:${i}` }))),
  );
const storedHead = async (store: PgStore) =>
  JSON.parse((await store.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [DB_HEAD_KEY])).rows[0]!.value);

/** A database with a chain written by two instances sharing one data folder; both closed again. */
async function chainOf(entries: number): Promise<string> {
  const name = await createDatabase('desk_head');
  const [a, b] = [await openPgStore(databaseUrl(name), shared), await openPgStore(databaseUrl(name), shared)];
  await Promise.all([append(a, entries / 2, 'a'), append(b, entries / 2, 'b')]);
  const tip = await currentHeadOf(a.db);
  expect(await storedHead(a)).toMatchObject({ seq: tip!.seq, hash: tip!.hash });
  await Promise.all([a.close(), b.close()]);
  return name;
}

describe('the signed chain head on the district server', () => {
  beforeAll(() => buildServerOnce());

  it('is the last entry exactly, written by whichever instance appended it, and a reopened store verifies', async () => {
    const name = await chainOf(20);
    const again = await openPgStore(databaseUrl(name), shared);
    try {
      expect(again.health).toMatchObject({ ok: true });
      expect((await storedHead(again)).seq).toBe(20);
      expect(again.head.read()!.seq).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });

  it('a log shortened behind the desk, or the database head removed, opens read-only with the reason', async () => {
    const name = await chainOf(10);
    const c = new pg.Client({ connectionString: databaseUrl(name) });
    await c.connect();
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    const shortened = await openPgStore(databaseUrl(name), shared);
    expect(shortened.health).toMatchObject({ ok: false, problem: 'db.chain' });
    expect(shortened.health.detail).toMatch(/^truncated/);
    await shortened.close();

    await c.query('DELETE FROM meta WHERE key = $1', [DB_HEAD_KEY]);
    await c.end();
    const headless = await openPgStore(databaseUrl(name), shared);
    expect(headless.health).toMatchObject({ ok: false, problem: 'db.chain' });
    expect(headless.health.detail).toMatch(/^headMissing/);
    await headless.close();
  });

  it('an older dump restored under a newer anchored head is refused, and the server will not start on it', async () => {
    const name = await chainOf(6);
    // The "backup": a copy of the database as it was. Then the desk goes on working, and its anchor moves on.
    const dump = `${name}_dump`;
    await admin.query(`CREATE DATABASE ${dump} TEMPLATE ${name}`);
    const live = await openPgStore(databaseUrl(name), shared);
    await append(live, 4, 'later');
    await live.close();

    const restored = await openPgStore(databaseUrl(dump), shared);
    expect(restored.health).toMatchObject({ ok: false, problem: 'db.chain' });
    expect(restored.health.detail).toMatch(/^truncated/);
    await restored.close();

    const refused = await spawnServer([
      '--database',
      databaseUrl(dump),
      '--listen',
      '127.0.0.1:0',
      '--insecure-loopback',
      '--data-dir',
      shared,
    ]);
    expect('url' in refused).toBe(false);
    if (!('url' in refused)) {
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(
        /^The audit chain in the database does not match its signed head \(truncated at entry 7, 6 entries\)/,
      );
    }
  });

  it('the anchor follows each write after its reply: coalesced, caught up by settled(), never ahead of the chain', async () => {
    const name = await createDatabase('desk_head');
    const own = join(dir, 'anchor');
    const store = await openPgStore(databaseUrl(name), own);
    try {
      await append(store, 12, 'lag');
      // Whatever was written by now is a head of the chain, at or behind its tip (it may lag; it is never ahead).
      const tip = (await currentHeadOf(store.db))!;
      const early = store.head.read();
      if (early) expect(early.seq).toBeLessThanOrEqual(tip.seq);
      await store.anchor.settled();
      expect(store.head.read()).toEqual(tip);

      // An anchor behind the chain (a crash before it caught up) still opens: the chain extends it.
      const behind = (await store.pool.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log WHERE seq = 3')).rows[0]!;
      store.head.write(behind);
      const reopened = await openPgStore(databaseUrl(name), own);
      expect(reopened.health).toMatchObject({ ok: true });
      await append(reopened, 1, 'after');
      await reopened.close(); // close waits for the anchor
      expect(reopened.head.read()).toEqual(await currentHeadOf(store.db));

      // The anchor removed under a running store: the next write's anchor step finds it gone and stops the writes.
      rmSync(join(own, 'audit-head.json'));
      await append(store, 1, 'gone');
      await store.anchor.settled();
      expect(store.health).toMatchObject({ ok: false, problem: 'db.chain' });
    } finally {
      await store.close();
    }
  });
});
