/**
 * The filings list's search on both stores against a sequential scan doing the same work (same filters, same exact
 * count, same first page in the same order). SQLite: the list query (FTS5) against LIKE '%…%' over
 * `filings NOT INDEXED`. PostgreSQL: the list query (its search table, migration 011) against ILIKE '%…%' over the
 * four columns of `filings` in a transaction with index and bitmap scans switched off, so the planner can only scan.
 */
import { sql, type Kysely } from 'kysely';
import type { SqliteHandle } from '../src/main/db/connection';
import type { Db } from '../src/main/db/connection';
import type { DB } from '../src/main/db/schema';
import { listFilings } from '../src/main/db/filing-list';
import { pgOrder } from '../src/main/db/postgres/search';
import { filingListInput, type FilingListInput } from '../src/shared/contract/filings';

const TODAY = '2026-11-26';
export const BASE: FilingListInput = filingListInput.parse({
  query: '',
  states: [],
  parkId: null,
  unit: null,
  overdueOnly: false,
  sort: 'updatedAt',
  dir: 'desc',
  offset: 0,
  limit: 50,
});

/** Queries over the seeded names (bench/seed.ts): three or more characters, and two short ones (no trigram). */
export const QUERIES: Partial<FilingListInput>[] = [
  { query: '精细化工' },
  { query: '六氟磷酸锂' },
  { query: '青岛博瑞' },
  { query: '碳酸亚乙烯酯', states: ['in_review', 'approved'] },
  { query: '新能源材料', parkId: 'gangcheng' },
  { query: '0000000123' },
  { query: 'ZS-2025-0012' },
  { query: '氟材料', sort: 'applicantName', dir: 'asc' },
  { query: '聚酰亚胺', sort: 'dueDate', dir: 'asc' },
  { query: '' },
  { query: '瑞丰' },
  { query: '氟' },
];

const COLUMN: Record<string, string> = { updatedAt: 'updated_at', applicantName: 'applicant_name', dueDate: 'due_date' };

/** LIKE over the four searchable columns with no index, counted and paged exactly as the list does. */
function sqliteScan(handle: SqliteHandle, q: FilingListInput): { total: number; ids: number[] } {
  const like = `%${q.query}%`;
  const where = ['(applicant_name LIKE ? OR project_name LIKE ? OR filing_no LIKE ? OR credit_code LIKE ?)'];
  const params: unknown[] = [like, like, like, like];
  if (q.states.length) {
    where.push(`state IN (${q.states.map(() => '?').join(',')})`);
    params.push(...q.states);
  }
  if (q.parkId) {
    where.push('park_id = ?');
    params.push(q.parkId);
  }
  const w = where.join(' AND ');
  const total = (handle.prepare(`SELECT COUNT(*) AS n FROM filings NOT INDEXED WHERE ${w}`).get(...params) as { n: number }).n;
  const order = `${COLUMN[q.sort] ?? 'updated_at'} ${q.dir === 'asc' ? 'ASC' : 'DESC'}, id DESC`;
  const rows = handle.prepare(`SELECT id FROM filings NOT INDEXED WHERE ${w} ORDER BY ${order} LIMIT 50`).all(...params) as {
    id: number;
  }[];
  return { total, ids: rows.map((r) => r.id) };
}

/**
 * ILIKE over the four searchable columns of the filings table with only sequential scans allowed, counted and paged
 * exactly as the list does (the list reads its narrow search table instead: migration 011).
 */
async function pgScan(db: Kysely<DB>, q: FilingListInput): Promise<{ total: number; ids: number[] }> {
  return db.transaction().execute(async (trx) => {
    for (const k of ['enable_indexscan', 'enable_bitmapscan', 'enable_indexonlyscan'])
      await sql`SELECT set_config(${k}, 'off', true)`.execute(trx);
    const like = `%${q.query}%`;
    const where = [
      sql`(applicant_name ILIKE ${like} OR project_name ILIKE ${like} OR filing_no ILIKE ${like} OR credit_code ILIKE ${like})`,
    ];
    if (q.states.length) where.push(sql`state IN (${sql.join(q.states)})`);
    if (q.parkId) where.push(sql`park_id = ${q.parkId}`);
    const w = sql.join(where, sql` AND `);
    const { rows: count } = await sql<{ n: string }>`SELECT count(*) AS n FROM filings WHERE ${w}`.execute(trx);
    const order = sql`${pgOrder(COLUMN[q.sort] ?? 'updated_at', q.dir)}, id ${sql.raw(q.dir === 'asc' ? 'ASC' : 'DESC')}`;
    const { rows } = await sql<{ id: number }>`SELECT id FROM filings WHERE ${w} ORDER BY ${order} LIMIT 50`.execute(trx);
    return { total: Number(count[0]?.n ?? 0), ids: rows.map((r) => r.id) };
  });
}

export interface ListResult {
  list: number[];
  scan: number[];
  /** Times of queries of three or more characters only, for the ratio. */
  list3: number[];
  scan3: number[];
  /** Queries whose exact total differs from the scan's (first round). */
  mismatches: string[];
  totals: Record<string, number>;
  /** Per query: its list and scan times over the rounds, for where the p95 comes from. */
  perQuery: Record<string, { list: number[]; scan: number[] }>;
}

export async function listSearch(
  store: { kind: 'sqlite'; db: Db; handle: SqliteHandle } | { kind: 'postgres'; db: Kysely<DB> },
  rounds: number,
): Promise<ListResult> {
  const out: ListResult = { list: [], scan: [], list3: [], scan3: [], mismatches: [], totals: {}, perQuery: {} };
  for (let round = 0; round <= rounds; round++) {
    for (const q of QUERIES) {
      const input = { ...BASE, ...q };
      let t = performance.now();
      const r1 = await listFilings(store.db, input, TODAY);
      const t1 = performance.now() - t;
      t = performance.now();
      const r2 = store.kind === 'sqlite' ? sqliteScan(store.handle, input) : await pgScan(store.db, input);
      const t2 = performance.now() - t;
      if (round === 0) {
        out.totals[JSON.stringify(q)] = r1.total;
        if (r1.total !== r2.total) out.mismatches.push(`${JSON.stringify(q)}: list ${r1.total}, scan ${r2.total}`);
        continue; // the first round warms caches
      }
      out.list.push(t1);
      out.scan.push(t2);
      const per = (out.perQuery[JSON.stringify(q)] ??= { list: [], scan: [] });
      per.list.push(t1);
      per.scan.push(t2);
      if ([...input.query].length >= 3) {
        out.list3.push(t1);
        out.scan3.push(t2);
      }
    }
  }
  return out;
}

/**
 * PostgreSQL's plan and timing for a text search's count as the list runs it: the query inside `desk_search_like`
 * (migration 011), under that function's own setting (no sequential scan of the search table).
 */
export async function pgExplainCount(db: Kysely<DB>, query: string): Promise<string[]> {
  const pattern = `%${query}%`;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_seqscan', 'off', true)`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)
      SELECT count(*) FROM filing_search WHERE s LIKE lower(${pattern})`.execute(trx);
    return rows.map((r) => r['QUERY PLAN']);
  });
}
