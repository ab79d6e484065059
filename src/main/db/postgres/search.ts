import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../schema';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Chinese substring search on PostgreSQL: ILIKE '%q%' on the four searchable columns, which the pg_trgm GIN indexes
 * of migration 001 serve for queries of three or more characters (a bitmap OR of four index scans). One- and
 * two-character queries have no trigram to look up: the planner walks the sort index instead and stops at a page,
 * as SQLite's LIKE fallback does. ILIKE ignores case as SQLite's trigram FTS and LIKE do.
 */
export function pgTextMatch(query: string) {
  const pattern = likePattern(query);
  return (eb: ExpressionBuilder<DB, 'filings'>): Expression<SqlBool> =>
    eb.or(
      (['filing_no', 'applicant_name', 'credit_code', 'project_name'] as const).map((col) =>
        eb(col, 'ilike', sql<string>`${pattern} ESCAPE '\\'`),
      ),
    );
}

/** SQLite sorts NULLs first ascending and last descending; PostgreSQL the other way round unless told. */
export const pgOrder = (column: string, dir: 'asc' | 'desc') =>
  sql`${sql.ref(column)} ${sql.raw(dir === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST')}`;
