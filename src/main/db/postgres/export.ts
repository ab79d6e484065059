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
