import type { Pool, PoolClient } from 'pg';
import type { SqliteHandle } from '../connection';
import { currentHead, type ChainHead } from '../audit';
import type { SignedHead } from '../audit-head';
import { DB_HEAD_KEY } from './head';
import { refillSearch } from './search';

/**
 * Moving a standalone desk onto the district server (issue 16, item 5): every row of the desk's SQLite file copied
 * into an empty, migrated PostgreSQL database in one transaction, as it is (same ids, same audit hashes).
 */

/** Sign-ins belong to one machine's desk: on the server everyone signs in again. */
export const NOT_MOVED: readonly string[] = ['sessions'];

/** A refusal the administrator reads as one line (an i18n key of messages/move.ts and its parameters). */
export class MoveRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQLite's search machinery beside its virtual tables: the numbered facet tokens (migration 013), derived from the filings. */
const SQLITE_SEARCH: readonly string[] = ['filings_fts_tokens'];

/**
 * The desk's tables that carry records: every table but SQLite's own (full-text virtual tables, their shadow tables
 * and SQLITE_SEARCH; PostgreSQL searches with pg_trgm) and those not moved. Driven by the schema, so a new table is
 * not forgotten.
 */
export function sqliteRecordTables(sqlite: SqliteHandle): string[] {
  const all = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return all
    .map((t) => t.name)
    .filter(
      (n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)) && !SQLITE_SEARCH.includes(n) && !NOT_MOVED.includes(n),
    );
}

async function pgTables(c: PoolClient): Promise<Set<string>> {
  const { rows } = await c.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()",
  );
  return new Set(rows.map((r) => r.name));
}

/** Parents before children (foreign keys stay checked during the copy); ties by name, so the order is stable. */
async function parentsFirst(c: PoolClient, tables: string[]): Promise<string[]> {
  const { rows } = await c.query<{ child: string; parent: string }>(
    "SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f'",
  );
  const wanted = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) if (r.child !== r.parent && wanted.has(r.child) && wanted.has(r.parent)) parents.get(r.child)!.add(r.parent);
  const order: string[] = [];
  while (order.length < tables.length) {
    const next = tables.filter((t) => !order.includes(t) && [...parents.get(t)!].every((p) => order.includes(p)));
    if (!next.length) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !order.includes(t)).join(', ')}`);
    order.push(...next);
  }
  return order;
}

async function columnsOf(c: PoolClient, sqlite: SqliteHandle, table: string): Promise<{ name: string; bool: boolean }[]> {
  const { rows } = await c.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  // Generated columns (hidden 2 or 3) are computed again on each side.
  const source = (sqlite.prepare(`PRAGMA table_xinfo(${q(table)})`).all() as { name: string; hidden: number }[])
    .filter((col) => col.hidden === 0)
    .map((col) => col.name);
  return rows.filter((r) => source.includes(r.name)).map((r) => ({ name: r.name, bool: r.type === 'boolean' }));
}

/** The rows in their own order (primary key, else rowid), so self-references find their earlier rows. */
function orderClause(sqlite: SqliteHandle, table: string): string {
  const pk = (sqlite.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => q(c.name));
  return pk.length ? pk.join(', ') : 'rowid';
}

async function copyTable(c: PoolClient, sqlite: SqliteHandle, table: string): Promise<number> {
  const cols = await columnsOf(c, sqlite, table);
  const list = cols.map((col) => q(col.name)).join(', ');
  const rows = sqlite.prepare(`SELECT ${list} FROM ${q(table)} ORDER BY ${orderClause(sqlite, table)}`).raw(true);
  const perBatch = Math.max(1, Math.floor(30_000 / cols.length));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (!batch.length) return;
    let n = 0;
    const values = batch.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
    const params = batch.flatMap((row) => row.map((v, i) => (cols[i]!.bool && v !== null ? Boolean(v) : v)));
    await c.query(`INSERT INTO ${q(table)} (${list}) VALUES ${values}`, params);
    copied += batch.length;
    batch = [];
  };
  for (const row of rows.iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  return copied;
}

/** Ids handed out after the move continue after the copied rows. */
async function continueIdentities(c: PoolClient): Promise<void> {
  const { rows } = await c.query<{ t: string; col: string }>(
    "SELECT table_name AS t, column_name AS col FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
  );
  for (const { t, col } of rows)
    await c.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(${q(col)}), 0) + 1, false) FROM ${q(t)}`, [q(t), col]);
}

export interface MoveHooks {
  /** Places the files the rows refer to (attachments, key, anchored head) inside the transaction, before any row. */
  placeFiles(head: ChainHead | null): void;
  /** The head as the server keeps it in meta, signed with the desk key. */
  signHead(head: ChainHead): SignedHead;
}

export interface MoveResult {
  counts: Record<string, number>;
  head: ChainHead | null;
}

/**
 * Copies every record table in one transaction under the desk's write lock. The migrations' guard triggers
 * (append-only, immutable, authority, closed meetings) check each new write against rows written before it, which
 * the copy's order cannot satisfy (a closed meeting's attendance, an audit entry numbered by its trigger); so for
 * this transaction only the tables' user triggers are disabled (ALTER TABLE … DISABLE TRIGGER USER, which the
 * database owner may do and which is transactional: other sessions never see it, the ACCESS EXCLUSIVE lock keeps
 * them out until commit, and a rollback undoes it) and enabled again before commit. Foreign keys are system
 * triggers and stay checked. Rows the migrations seeded (departments, categories, the calendar) are replaced by the
 * desk's own.
 */
export async function moveIntoPg(sqlite: SqliteHandle, pool: Pool, hooks: MoveHooks): Promise<MoveResult> {
  const c = await pool.connect();
  let done = false;
  try {
    await c.query('BEGIN');
    await c.query('SELECT desk_write_lock()');
    const { rows: held } = await c.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM filings) + (SELECT count(*) FROM problems) AS n',
    );
    if (Number(held[0]!.n) > 0) throw new MoveRefused('move.notEmpty');
    const target = await pgTables(c);
    const source = sqliteRecordTables(sqlite);
    const unknown = source.filter((t) => !target.has(t));
    if (unknown.length) throw new MoveRefused('move.unknownTable', { tables: unknown.join(', ') });
    const order = await parentsFirst(c, source);
    const head = currentHead(sqlite);
    hooks.placeFiles(head);

    for (const t of order) await c.query(`ALTER TABLE ${q(t)} DISABLE TRIGGER USER`);
    for (const t of [...order].reverse()) await c.query(`DELETE FROM ${q(t)}`);
    const counts: Record<string, number> = {};
    for (const t of order) counts[t] = await copyTable(c, sqlite, t);
    // The search table's trigger was off with the rest: its rows are made from the copied filings.
    await refillSearch(c);
    for (const t of order) await c.query(`ALTER TABLE ${q(t)} ENABLE TRIGGER USER`);
    await continueIdentities(c);

    for (const t of order) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(t)}`);
      const expected = (sqlite.prepare(`SELECT count(*) AS n FROM ${q(t)}`).get() as { n: number }).n;
      if (Number(rows[0]!.n) !== expected) throw new Error(`${t}: ${rows[0]!.n} rows copied of ${expected}`);
    }
    if (head) {
      const { rows } = await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      if (rows[0]?.seq !== head.seq || rows[0]?.hash !== head.hash)
        throw new Error('the copied audit chain does not end at the desk’s head');
      await c.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [
        DB_HEAD_KEY,
        JSON.stringify(hooks.signHead(head)),
      ]);
    }
    await c.query('COMMIT');
    done = true;
    // The planner's statistics and the visibility map for the rows just copied (autovacuum would get there within
    // minutes): without them the first lists count 100,000 filings from the heap. Outside the transaction, and a
    // failure here leaves the move done.
    await c.query('VACUUM (ANALYZE)').catch(() => undefined);
    return { counts, head };
  } finally {
    if (!done) await c.query('ROLLBACK').catch(() => undefined);
    // A client whose transaction may still be open is not handed back to the pool.
    c.release(!done);
  }
}
