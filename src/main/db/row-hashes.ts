import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { SqliteHandle } from './connection';
import type { DB } from './schema';

/**
 * rows-1: the rows the audit chain vouches for, and the columns that matter in each. A filing's many fields change
 * under their own audited entries; what must never move behind the desk's back is its state and version.
 * Keep in step with the triggers of migration 007 (007-integrity.ts).
 */
export const COVERED: Record<string, { key: string; columns: string }> = {
  users: { key: 'id', columns: 'id, username, display_name, role, unit, disabled, password_hash, is_demo' },
  filings: { key: 'id', columns: 'id, state, version' },
  settings: { key: 'key', columns: 'key, value' },
  decisions: { key: 'id', columns: '*' },
  certificates: { key: 'id', columns: '*' },
  tracked_items: { key: 'id', columns: '*' },
};

/** [table, key, sha256 of the row or null when it was deleted] */
export type RowHash = [string, number | string, string | null];

/** A row's hash: its columns in order, large values (PDFs) by their own SHA-256. */
export function hashRow(row: Record<string, unknown>): string {
  const values = Object.entries(row).map(([k, v]) => [
    k,
    v instanceof Uint8Array ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v,
  ]);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

/**
 * A noted row's key as the table keys it: PostgreSQL's audit_dirty keeps every key as text (it has no ANY column), and an
 * entry must record the same [table, key] on both stores (an id as a number, a settings key as text).
 */
function rowKey(tbl: string, key: number | string): number | string {
  return COVERED[tbl]?.key === 'id' && typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key;
}

/** Table, then key (ids numerically, text keys by code unit), whatever order the store's collation would give. */
function byTableThenKey(a: { tbl: string; key: number | string }, b: { tbl: string; key: number | string }): number {
  if (a.tbl !== b.tbl) return a.tbl < b.tbl ? -1 : 1;
  if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
  const x = String(a.key);
  const y = String(b.key);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Inside a write: the covered rows written since the last entry, hashed as they are now, and forgotten, so the entry
 * being appended records exactly them. Returns null when there are none.
 */
export async function takeWrittenRows(trx: Transaction<DB> | Kysely<DB>): Promise<RowHash[] | null> {
  // Taken and forgotten in one statement: nothing else writes audit_dirty between the two inside the transaction.
  const dirty = await trx.deleteFrom('audit_dirty').returning(['tbl', 'row_key']).execute();
  if (!dirty.length) return null;
  const out: RowHash[] = [];
  for (const d of dirty.map((r) => ({ tbl: r.tbl, key: rowKey(r.tbl, r.row_key) })).sort(byTableThenKey)) {
    if (!COVERED[d.tbl]) continue;
    out.push([d.tbl, d.key, await rowHashOf(trx, d.tbl, d.key)]);
  }
  return out.length ? out : null;
}

/** The chain's last entry as a transaction sees it. */
type Tip = { seq: number; hash: string } | null;

/**
 * What appending an entry reads first: the chain's tip and the covered rows written since the last entry (taken,
 * as takeWrittenRows takes them). On PostgreSQL, where each statement is a round trip, both in one statement, each
 * row as row_to_json: its columns in order with the values the driver would give (integers and text only, migration
 * 001: ISO text times, 0/1 flags). Rows of tables with binary columns (certificates' PDFs) are read as before.
 */
export async function tipAndWrittenRows(trx: Transaction<DB> | Kysely<DB>): Promise<{ tip: Tip; rows: RowHash[] | null }> {
  const tipOf = () => trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
    const tip = (await tipOf()) ?? null;
    return { tip, rows: await takeWrittenRows(trx) };
  }
  const { rows } = await sql<{ tbl: string | null; row_key: string | null; seq: number | null; hash: string | null; row: string | null }>`
    WITH d AS (DELETE FROM audit_dirty RETURNING tbl, row_key),
         t AS (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1)
    SELECT NULL AS tbl, NULL AS row_key, t.seq, t.hash, NULL AS row FROM t
    UNION ALL
    SELECT d.tbl, d.row_key, NULL, NULL, CASE d.tbl ${sql.raw(AS_JSON)} END FROM d`.execute(trx);
  const tipRow = rows.find((r) => r.tbl === null);
  const tip = tipRow ? { seq: Number(tipRow.seq), hash: tipRow.hash! } : null;
  const out: RowHash[] = [];
  for (const d of rows
    .filter((r) => r.tbl !== null)
    .map((r) => ({ tbl: r.tbl!, key: rowKey(r.tbl!, r.row_key!), row: r.row }))
    .sort(byTableThenKey)) {
    if (!COVERED[d.tbl]) continue;
    if (JSON_TABLES.includes(d.tbl))
      out.push([d.tbl, d.key, d.row === null ? null : hashRow(JSON.parse(d.row) as Record<string, unknown>)]);
    else out.push([d.tbl, d.key, await rowHashOf(trx, d.tbl, d.key)]);
  }
  return { tip, rows: out.length ? out : null };
}

/** Covered tables without binary columns, whose rows PostgreSQL can hand over as JSON unchanged. */
const JSON_TABLES = ['users', 'filings', 'settings', 'decisions', 'tracked_items'];
const AS_JSON = JSON_TABLES.map((t) => {
  const { key, columns } = COVERED[t]!;
  const match = key === 'id' ? `${key} = d.row_key::bigint` : `${key} = d.row_key`;
  return `WHEN '${t}' THEN (SELECT row_to_json(x)::text FROM (SELECT ${columns} FROM ${t} WHERE ${match}) x)`;
}).join(' ');

async function rowHashOf(trx: Transaction<DB> | Kysely<DB>, tbl: string, key: number | string): Promise<string | null> {
  const covered = COVERED[tbl]!;
  const select = sql.raw(`SELECT ${covered.columns} FROM ${tbl} WHERE ${covered.key} = `);
  const { rows } = await sql<Record<string, unknown>>`${select}${key}`.execute(trx);
  return rows[0] ? hashRow(rows[0]) : null;
}

/** Start of a write: rows changed by a commit that recorded nothing were changed outside the desk; leave them unvouched. */
export async function forgetUnauditedRows(trx: Transaction<DB>): Promise<void> {
  await trx.deleteFrom('audit_dirty').where('origin', '=', 'write').execute();
}

/** forgetUnauditedRows as fixed SQL, for PostgreSQL to send with the write's BEGIN (postgres/connection.ts, openingWith). */
export const FORGET_UNAUDITED_SQL = "DELETE FROM audit_dirty WHERE origin = 'write'";

export async function hasUnrecordedRows(trx: Transaction<DB>): Promise<boolean> {
  return (await trx.selectFrom('audit_dirty').select('tbl').where('origin', '=', 'write').limit(1).executeTakeFirst()) !== undefined;
}

export interface RowMismatch {
  table: string;
  key: number | string;
  problem: 'changed' | 'unrecorded' | 'deleted';
  /** The audit entry that last recorded the row, if any. */
  seq: number | null;
}

/**
 * Recomputes every covered row's hash and compares it with the last hash the chain recorded for it. Names each row
 * that was changed, added or deleted behind the desk's back. Call only on a chain that verified.
 */
export function verifyRows(handle: SqliteHandle): RowMismatch[] {
  const expected = new Map<string, { hash: string | null; seq: number }>();
  const entries = handle.prepare('SELECT seq, rows FROM audit_log WHERE rows IS NOT NULL ORDER BY seq').iterate() as Iterable<{
    seq: number;
    rows: string;
  }>;
  for (const e of entries) for (const [t, k, h] of JSON.parse(e.rows) as RowHash[]) expected.set(`${t}\u0000${k}`, { hash: h, seq: e.seq });
  const pending = new Set(
    (
      handle.prepare("SELECT tbl, row_key FROM audit_dirty WHERE origin = 'baseline'").all() as { tbl: string; row_key: number | string }[]
    ).map((d) => `${d.tbl}\u0000${d.row_key}`),
  );
  const out: RowMismatch[] = [];
  for (const [table, { key, columns }] of Object.entries(COVERED)) {
    const seen = new Set<string>();
    // The key column is among the hashed columns of every covered table.
    for (const row of handle.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${key}`).iterate() as Iterable<Record<string, unknown>>) {
      const k = row[key] as number | string;
      const id = `${table}\u0000${k}`;
      seen.add(id);
      if (pending.has(id)) continue;
      const want = expected.get(id);
      if (!want) out.push({ table, key: k, problem: 'unrecorded', seq: null });
      else if (want.hash !== hashRow(row)) out.push({ table, key: k, problem: 'changed', seq: want.seq });
    }
    for (const [id, want] of expected) {
      const [t, k] = id.split('\u0000') as [string, string];
      if (t === table && !seen.has(id) && want.hash !== null)
        out.push({ table, key: /^\d+$/.test(k) ? Number(k) : k, problem: 'deleted', seq: want.seq });
    }
  }
  return out;
}
