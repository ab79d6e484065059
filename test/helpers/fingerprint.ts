import { createHash } from 'node:crypto';
import type { SqliteHandle } from '../../src/main/db/connection';
import type { Store } from '../../src/main/db/store';
import { DB_HEAD_KEY } from '../../src/main/db/postgres/head';

/**
 * A hash of every row of every table (except those named), so a test can prove that a refused request
 * changed nothing at all.
 */
export function fingerprint(sqlite: SqliteHandle, except: string[] = []): string {
  const tables = (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((n) => !except.includes(n));
  const h = createHash('sha256');
  for (const t of tables) {
    h.update(t);
    // Sorted in JS: some tables are WITHOUT ROWID, and row order is not part of what a table holds.
    const rows = sqlite
      .prepare(`SELECT * FROM "${t}"`)
      .all()
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    for (const r of rows.sort()) h.update(r);
  }
  return h.digest('hex');
}

/** The same on either store; on PostgreSQL every table of the public schema. */
export async function storeFingerprint(store: Store, except: string[] = []): Promise<string> {
  if (store.kind === 'sqlite') return fingerprint(store.sqlite, except);
  const { rows: tables } = await store.pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const h = createHash('sha256');
  for (const { name } of tables.filter((t) => !except.includes(t.name))) {
    h.update(name);
    // The district server keeps the audit chain's signed head in `meta` (SQLite keeps it in a file beside the
    // database): it is part of the audit record, so it is left out with `audit_log`.
    const { rows } =
      name === 'meta' && except.includes('audit_log')
        ? await store.pool.query(`SELECT * FROM meta WHERE key <> $1`, [DB_HEAD_KEY])
        : await store.pool.query(`SELECT * FROM "${name}"`);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    for (const r of lines.sort()) h.update(r);
  }
  return h.digest('hex');
}
