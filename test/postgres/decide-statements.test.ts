/**
 * What one review.decide costs the district server in round trips to PostgreSQL (issue 16's benchmark: p95 < 15 ms
 * with one client; each statement is a round trip). Counted at the pool's connections, BEGIN and COMMIT included,
 * from the session check to the reply. The bounds are the counts after the cuts (14 for a plain decision, 16 when it
 * adds a condition, 16 when it closes the round; 33, 36 and 36 at first, then 18, 20 and 21 until the filing, its rounds
 * and decisions were read in one statement, and 17 for a closing decision until its open papers were counted in that
 * statement too) plus a small margin: a count, not a timing. And the cuts'
 * own promises: the end of a write that both signs the head and asks for unrecorded rows in one statement still
 * records every covered row and leaves the signed head on the chain's last entry.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { sql } from 'kysely';
import { UNIT_CODES } from '../../src/shared/domain/units';
import { openPgStore, type PgStore } from '../../src/main/db/postgres/store';
import { DB_HEAD_KEY, verifyPgAnchored } from '../../src/main/db/postgres/head';
import { currentHeadOf } from '../../src/main/db/audit';
import { getMeta } from '../../src/main/db/settings';
import { createServices, write, type Ctx } from '../../src/main/services';
import { decisionInput } from '../helpers/desk';
import { approvedFiling, issuedCertificate, reviewDesk, type ReviewDesk } from '../helpers/review-desk';
import { COVERED, hashRow, tipAndWrittenRows } from '../../src/main/db/row-hashes';
import { createDatabase, databaseUrl, onPostgres } from '../helpers/store';

/** Every statement sent through the pool from now on (each client wrapped once, when first handed out). */
function statementLog(pool: pg.Pool): string[] {
  const log: string[] = [];
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const q = a[0] as string | { text: string };
      log.push((typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').slice(0, 120));
      return query(...a);
    };
  });
  return log;
}

describe.runIf(onPostgres)('review.decide on PostgreSQL: round trips per decision', () => {
  let d: ReviewDesk;
  beforeEach(async () => (d = await reviewDesk()));
  afterEach(() => d.t.close());

  it('five decisions on one filing stay within the counted statements', async () => {
    const store = d.t.desk.services.store;
    if (store.kind !== 'postgres') throw new Error('expected the PostgreSQL store');
    const f = await d.t.acceptedFiling();
    let view = await d.clerk.session.ok('review.get', { filingId: f.id });
    const log = statementLog(store.pool);
    const counts: Record<string, number> = {};
    for (const u of UNIT_CODES) {
      log.length = 0;
      view = await d.rv[u].session.ok('review.decide', decisionInput(view, u, u === 'hb' ? 'approveWithConditions' : 'approve'));
      counts[u] = log.length;
      // A plain approval; hb's adds a condition (its tracked item, the next due date); yq's, the last, closes the round.
      const bound = { yj: 14, hb: 16, gh: 14, sp: 14, yq: 16 }[u] + 2;
      expect(log.length, `${u}: ${log.length} statements\n${log.join('\n')}`).toBeLessThanOrEqual(bound);
    }
    expect(view.state).toBe('approved');
    // Each one a real decision that went through the whole path (the counter saw its transaction).
    expect(
      Object.values(counts).every((n) => n >= 12),
      JSON.stringify(counts),
    ).toBe(true);
  });

  it('rows taken as JSON in one statement hash exactly as rows read one by one (every covered table)', async () => {
    const store = d.t.desk.services.store;
    if (store.kind !== 'postgres') throw new Error('expected the PostgreSQL store');
    await issuedCertificate(d);
    await approvedFiling(d, { conditional: true, lockCondition: true }); // tracked items: papers owed, a condition
    const rolledBack = new Error('look only');
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: 'json-test', value: '{"a":"引号\\"\\n"}', updated_at: '2026-03-02T02:00:00.000Z' })
          .execute();
        const keys: [string, string][] = [];
        for (const [tbl, { key }] of Object.entries(COVERED)) {
          const found = (await sql<{ k: string }>`SELECT ${sql.raw(key)}::text AS k FROM ${sql.table(tbl)} ORDER BY 1 LIMIT 3`.execute(trx))
            .rows;
          expect(found.length, tbl).toBeGreaterThan(0);
          keys.push(...found.map((r): [string, string] => [tbl, r.k]), [tbl, tbl === 'settings' ? 'no-such-key' : '999999']);
        }
        await trx.deleteFrom('audit_dirty').execute();
        await trx
          .insertInto('audit_dirty')
          .values(keys.map(([tbl, row_key]) => ({ tbl, row_key, origin: 'write' })))
          .execute();
        const { tip, rows } = await tipAndWrittenRows(trx);
        expect(tip).toEqual(await currentHeadOf(trx));
        expect(rows).toHaveLength(keys.length);
        for (const [tbl, key, hash] of rows!) {
          const { columns, key: keyColumn } = COVERED[tbl]!;
          const one = (await sql`SELECT ${sql.raw(columns)} FROM ${sql.table(tbl)} WHERE ${sql.ref(keyColumn)} = ${key}`.execute(trx))
            .rows[0];
          expect(hash, `${tbl} ${key}`).toBe(one ? hashRow(one as Record<string, unknown>) : null);
        }
        expect(rows!.filter(([, , h]) => h === null)).toHaveLength(Object.keys(COVERED).length);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});

describe.runIf(onPostgres)('the end of a write on PostgreSQL: signed head and unrecorded rows in one statement', () => {
  let dir: string;
  let store: PgStore;
  let ctx: Ctx;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-pg-close-'));
    store = await openPgStore(databaseUrl(await createDatabase('desk_close')), dir, { poolSize: 2 });
    ctx = { services: createServices(store), actor: null, now: new Date('2026-03-02T02:00:00Z'), lang: 'en', connectionId: 'pg-close' };
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const entries = async () =>
    (await store.pool.query<{ seq: number; action: string; rows: string | null }>('SELECT seq, action, rows FROM audit_log ORDER BY seq'))
      .rows;
  const storedHead = async () => JSON.parse((await getMeta(store.db, DB_HEAD_KEY)) ?? 'null') as { seq: number; hash: string } | null;
  const setting = (value: string) => (trx: Parameters<Parameters<typeof write>[1]>[0]['trx']) =>
    trx
      .insertInto('settings')
      .values({ key: 'close-test', value, updated_at: ctx.now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();

  it('an empty chain and a write that records nothing: no entry, no head', async () => {
    await write(ctx, async () => undefined);
    expect(await entries()).toEqual([]);
    expect(await storedHead()).toBeNull();
  });

  it('a covered row written with no entry of its own gets a rows.written entry, which the signed head names', async () => {
    await write(ctx, async ({ trx }) => setting('1')(trx));
    const log = await entries();
    expect(log.map((e) => e.action)).toEqual(['rows.written']);
    expect(JSON.parse(log[0]!.rows!)).toEqual([['settings', 'close-test', expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    expect((await storedHead())?.seq).toBe(log[0]!.seq);
  });

  it('a covered row written after the last entry: the entry, then rows.written, and the head on the second', async () => {
    await write(ctx, async ({ trx, audit }) => {
      await audit({ action: 'close.test', target: null });
      await setting('2')(trx);
    });
    const log = (await entries()).slice(-2);
    expect(log.map((e) => e.action)).toEqual(['close.test', 'rows.written']);
    expect(log[0]!.rows).toBeNull();
    expect(JSON.parse(log[1]!.rows!)).toEqual([['settings', 'close-test', expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    const tip = await currentHeadOf(store.db);
    expect(await storedHead()).toMatchObject({ seq: tip!.seq, hash: tip!.hash });
    await store.anchor.settled();
    expect(store.head.read()).toEqual(tip);
  });

  it('a covered row changed outside the desk (committed with no entry) is not vouched for by the next write', async () => {
    await store.pool.query("UPDATE settings SET value = 'outside' WHERE key = 'close-test'");
    expect((await store.pool.query("SELECT tbl FROM audit_dirty WHERE origin = 'write'")).rows).toEqual([{ tbl: 'settings' }]);
    await write(ctx, async ({ audit }) => audit({ action: 'close.after-outside', target: null }));
    const last = (await entries()).at(-1)!;
    expect(last.action).toBe('close.after-outside');
    expect(last.rows).toBeNull();
    expect((await store.pool.query('SELECT tbl FROM audit_dirty')).rows).toEqual([]);
  });

  it('rows written before the entry are on that entry; nothing after it adds another; the chain verifies anchored', async () => {
    const before = (await entries()).length;
    await write(ctx, async ({ trx, audit }) => {
      await setting('3')(trx);
      await audit({ action: 'close.test', target: null });
    });
    const log = await entries();
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)!.action).toBe('close.test');
    expect(JSON.parse(log.at(-1)!.rows!)).toEqual([['settings', 'close-test', expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    expect((await storedHead())?.seq).toBe(log.at(-1)!.seq);
    expect(await verifyPgAnchored(store.db, store.head)).toMatchObject({ ok: true, entries: log.length });
  });
});
