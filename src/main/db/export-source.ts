import type { Pool } from 'pg';
import { openSqlite, type SqliteHandle } from './connection';
import { EXPORT_QUERIES } from './followup';
import { pgExportQuery } from './postgres/export';

type Row = Record<string, unknown>;
export type ExportQueryKind = keyof typeof EXPORT_QUERIES;

/**
 * One export's rows, counted and read in one consistent snapshot, so "written of total" means what it says. The
 * reader may pause between rows (the export yields between chunks to hear a cancel), so it never holds the desk's
 * own SQLite handle open: other requests keep using that handle meanwhile.
 */
export interface ExportSource {
  total: number;
  rows: AsyncIterable<Row> | Iterable<Row>;
  /** Ends the snapshot and frees the connection, whether the rows were read to the end or not. */
  close(): Promise<void>;
}

const countOf = (query: string) => `SELECT count(*) AS n FROM (${query}) AS export_rows`;

/**
 * SQLite: a read-only connection of its own on the desk's file, inside one read transaction (WAL keeps its snapshot
 * while the desk writes on). A desk without a file (the fail-closed store in memory) reads its few rows at once.
 */
export function sqliteExportSource(handle: SqliteHandle, kind: ExportQueryKind): ExportSource {
  const query = EXPORT_QUERIES[kind];
  if (handle.memory) {
    const rows = handle.prepare(query).all() as Row[];
    return { total: rows.length, rows, close: async () => {} };
  }
  const reader = openSqlite(handle.name, { readonly: true });
  try {
    reader.exec('BEGIN');
    const { n } = reader.prepare(countOf(query)).get() as { n: number };
    const rows = reader.prepare(query).iterate() as IterableIterator<Row>;
    return {
      total: Number(n),
      rows,
      close: async () => {
        rows.return?.();
        reader.close();
      },
    };
  } catch (e) {
    reader.close();
    throw e;
  }
}

/**
 * PostgreSQL: a server-side cursor in one read-only REPEATABLE READ transaction on a client of its own, so a million
 * audit entries never sit in memory and the count and the rows see the same snapshot.
 */
export async function pgExportSource(pool: Pool, kind: ExportQueryKind): Promise<ExportSource> {
  const client = await pool.connect();
  let done = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: count } = await client.query<{ n: string }>(countOf(pgExportQuery(kind)));
    await client.query(`DECLARE desk_export NO SCROLL CURSOR FOR ${pgExportQuery(kind)}`);
    async function* fetchAll(): AsyncGenerator<Row> {
      for (;;) {
        const { rows } = await client.query<Row>('FETCH 2000 FROM desk_export');
        if (!rows.length) return;
        yield* rows;
      }
    }
    return {
      total: Number(count[0]!.n),
      rows: fetchAll(),
      close: async () => {
        if (done) return;
        done = true;
        // A read-only transaction has nothing to keep: it ends the same way whether the export finished or not.
        const clean = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        client.release(!clean);
      },
    };
  } catch (e) {
    client.release(true);
    throw e;
  }
}
