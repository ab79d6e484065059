/**
 * PostgreSQL's own machinery: the write lock that makes instances take turns, one audit chain from two instances,
 * the guards that row triggers cannot give (TRUNCATE), pg_trgm on Chinese text, the working-day calendar in SQL.
 * The rules and handlers themselves run on this store through the integration suite (DESK_STORE=postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStore, type PgStore } from '../../src/main/db/postgres/store';
import { createServices, write, type Ctx } from '../../src/main/services';
import { verifyChainOf } from '../../src/main/db/audit';
import { workDayRows, WORK_DAYS_FROM, WORK_DAYS_TO } from '../../src/main/db/dashboard';
import { frozenWorkDayRows } from '../../src/main/db/migrations/004-work-days';
import { syncStoreWorkDays } from '../../src/main/db/store-ops';
import { createDatabase, databaseUrl } from '../helpers/store';
import { createTestDesk, expectError } from '../helpers/desk';

let dir: string;
let url: string;
let a: PgStore;
let b: PgStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-pg-'));
  url = databaseUrl(await createDatabase('desk_store'));
  // Two stores on one database: two server instances, each with its own pool.
  [a, b] = [await openPgStore(url, join(dir, 'a')), await openPgStore(url, join(dir, 'b'))];
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const ctxOn = (store: PgStore): Ctx => ({
  services: createServices(store),
  actor: null,
  now: new Date('2026-03-02T02:00:00Z'),
  lang: 'en',
  connectionId: 'pg-test',
});

describe('the store on PostgreSQL', () => {
  it('write transactions from two instances take turns on the write lock', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = a.db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: 'turn-a', value: '1' }).execute();
      order.push('a in');
      await held;
      order.push('a out');
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = b.db.transaction().execute(async (trx) => {
      order.push('b in');
      // Taken after a's commit: the statement sees a's row.
      return (await trx.selectFrom('meta').select('value').where('key', '=', 'turn-a').executeTakeFirst())?.value;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual(['a in']);
    release();
    expect(await second).toBe('1');
    await first;
    expect(order).toEqual(['a in', 'a out', 'b in']);
  });

  it('keeps one gapless audit chain when two instances append at once, with rollbacks in between', async () => {
    const start = (await verifyChainOf(a.db, null)).entries;
    const run = (store: PgStore, tag: string) =>
      Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          write(ctxOn(store), async ({ audit }) => {
            await audit({ action: 'test.append', target: `${tag}:${i}` });
            if (i % 5 === 0) throw new Error('rolled back');
          }).catch((err: Error) => err.message),
        ),
      );
    const results = (await Promise.all([run(a, 'a'), run(b, 'b')])).flat();
    expect(results.filter((r) => r === 'rolled back')).toHaveLength(10);
    const report = await verifyChainOf(a.db, null);
    expect(report).toMatchObject({ ok: true, entries: start + 40 });
    // Each instance's head file holds a head of that one chain.
    await b.anchor.settled();
    const verifiedB = await verifyChainOf(b.db, b.head.read());
    expect(verifiedB.ok).toBe(true);
  });

  it('refuses TRUNCATE of the audit log, certificates, decisions and meetings', async () => {
    for (const table of ['audit_log', 'certificates', 'decisions', 'meetings'])
      await expect(a.pool.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only|never deleted/);
  });

  it('finds Chinese substrings through the search table’s trigram index (the filings table keeps none since step 12)', async () => {
    const { rows } = await a.pool.query<{ n: number }>("SELECT cardinality(show_trgm('化工中试')) AS n");
    expect(rows[0]!.n).toBeGreaterThan(0);
    await a.pool.query(`INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
      SELECT 'ZS-2026-' || lpad(i::text, 6, '0'), 'draft', '企业' || i || '号有限公司', '91320000MA' || lpad(i::text, 8, '0'),
        CASE WHEN i = 777 THEN '滨海新材料中试项目' ELSE '项目' || i END, 'binhai', '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z'
      FROM generate_series(1, 3000) i`);
    await a.pool.query('ANALYZE filings');
    // Can the index serve the query (with a sequential scan ruled out, whatever the planner prefers on 3,000 rows)?
    const client = await a.pool.connect();
    let plan: string;
    try {
      await client.query('SET enable_seqscan = off');
      plan = (await client.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT id FROM filing_search WHERE s LIKE '%新材料%'")).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      await client.query('RESET enable_seqscan');
    } finally {
      client.release();
    }
    expect(plan).toMatch(/filing_search_trgm/);
    expect(plan).not.toMatch(/filings_trgm/);
    const three = await a.pool.query(
      "SELECT project_name FROM filings WHERE id IN (SELECT id FROM desk_search_like('%新材料%', '{}', NULL) AS m(id))",
    );
    expect(three.rows).toEqual([{ project_name: '滨海新材料中试项目' }]);
    const two = await a.pool.query("SELECT count(*)::int AS n FROM filings WHERE project_name ILIKE '%滨海%'");
    expect(two.rows).toEqual([{ n: 1 }]);
  });

  it('has the working-day calendar of the code, and the desk’s local day in SQL', async () => {
    const table = async () =>
      (await a.pool.query<{ day: string; n: number }>('SELECT day, n FROM work_days ORDER BY day')).rows.map((r) => [r.day, r.n]);
    // Migrated with migration 004's frozen copy, brought in line with the code's calendar at start, as on SQLite.
    expect(await table()).toEqual(frozenWorkDayRows());
    await syncStoreWorkDays(a);
    expect(await table()).toEqual(workDayRows(WORK_DAYS_FROM, WORK_DAYS_TO));
    const local = await a.pool.query(
      "SELECT desk_local_day('2026-03-01T16:00:00.000Z') AS a, desk_local_day('2026-03-01T15:59:59.999Z') AS b, desk_local_day('') AS c",
    );
    expect(local.rows).toEqual([{ a: '2026-03-02', b: '2026-03-01', c: null }]);
  });

  it('refuses the standalone desk’s file backup on the server, with the reason in the caller’s language', async () => {
    const t = await createTestDesk({ lang: 'zh-CN' });
    try {
      const admin = await t.setupAdmin();
      const error = expectError(await admin.session.call('backup.create', {}), 'CONFLICT');
      expect(error.message).toContain('pg_dump');
      expect(error.message).toContain('服务器数据库');
    } finally {
      await t.close();
    }
  });

  it('a newer schema leaves the store read-only with the reason', async () => {
    const other = databaseUrl(await createDatabase('desk_newer'));
    const first = await openPgStore(other, join(dir, 'n1'));
    await first.pool.query('UPDATE desk_schema SET version = version + 1');
    await first.close();
    const second = await openPgStore(other, join(dir, 'n2'));
    try {
      expect(second.health).toMatchObject({ ok: false, problem: 'db.newer' });
    } finally {
      await second.close();
    }
  });
});
