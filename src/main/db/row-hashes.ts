import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
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
    const covered = COVERED[d.tbl];
    if (!covered) continue;
    const select = sql.raw(`SELECT ${covered.columns} FROM ${d.tbl} WHERE ${covered.key} = `);
    const { rows } = await sql<Record<string, unknown>>`${select}${d.key}`.execute(trx);
    out.push([d.tbl, d.key, rows[0] ? hashRow(rows[0]) : null]);
  }
  return out.length ? out : null;
}

/** Start of a write: rows changed by a commit that recorded nothing were changed outside the desk; leave them unvouched. */
export async function forgetUnauditedRows(trx: Transaction<DB>): Promise<void> {
  await trx.deleteFrom('audit_dirty').where('origin', '=', 'write').execute();
}

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
