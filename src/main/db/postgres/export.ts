import type { Pool } from 'pg';
import { EXPORT_QUERIES } from '../followup';

/**
 * SQLite's export queries in PostgreSQL's words: json_extract(col, '$.a.b') → (col::jsonb #>> '{a,b}'),
 * date(col, '+8 hours') → desk_local_day(col) (migration 004).
 */
export function pgExportQuery(kind: keyof typeof EXPORT_QUERIES): string {
  return EXPORT_QUERIES[kind]
    .replace(
      /json_extract\((\w+\.\w+), '\$\.([\w.]+)'\)/g,
      (_m, col: string, path: string) => `(${col}::jsonb #>> '{${path.split('.').join(',')}}')`,
    )
    .replace(/date\((\w+\.\w+), '\+8 hours'\)/g, (_m, col: string) => `desk_local_day(${col})`);
}

/**
 * An export's rows streamed through a server-side cursor in one read-only transaction on a client of its own, so a
 * million audit entries never sit in memory and the export sees one consistent snapshot.
 */
export async function* pgExportRows(pool: Pool, kind: keyof typeof EXPORT_QUERIES): AsyncGenerator<Record<string, unknown>> {
  const client = await pool.connect();
  let clean = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE desk_export NO SCROLL CURSOR FOR ${pgExportQuery(kind)}`);
    for (;;) {
      const { rows } = await client.query<Record<string, unknown>>('FETCH 2000 FROM desk_export');
      if (!rows.length) break;
      yield* rows;
    }
    await client.query('COMMIT');
    clean = true;
  } finally {
    // A client left inside an open transaction (the consumer stopped early or failed) is discarded, not pooled.
    client.release(!clean);
  }
}
