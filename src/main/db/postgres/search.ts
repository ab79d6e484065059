import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Trx } from '../connection';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Chinese substring search on PostgreSQL, from the side table of migration 011 (`filing_search`: one lowered text per
 * filing, its four columns joined by U+001F, with its state and park): three or more characters are a LIKE the
 * pg_trgm index serves, one or two an exact lookup of that character or pair in the `desk_grams` index. Both ignore
 * case as ILIKE did (PostgreSQL's lower() on both sides). The count, state and park filters included, reads only the
 * narrow table. The filings are then picked by id: few matches from the index; many by walking the sort index and
 * testing each filing with the same match in its cheap form (LIKE, or strpos for the index's exact lookup), which
 * stops at one page.
 */
export async function pgMatch(
  db: Db | Trx,
  query: string,
  filters: { states: readonly string[]; parkId: string | null },
  denseAbove: number,
): Promise<{ count: number; where: RawBuilder<SqlBool> }> {
  const long = [...query].length >= 3;
  const needle = long ? likePattern(query) : query;
  const search = sql.raw(long ? 'desk_search_like' : 'desk_search_gram');
  // One read gives the exact count and, when they are few, the ids themselves.
  const { rows } = await sql<{ n: string; ids: number[] | null }>`
    SELECT count(*) AS n, CASE WHEN count(*) <= ${denseAbove} THEN coalesce(array_agg(m.id), '{}') END AS ids
    FROM ${search}(lower(${needle}), ${[...filters.states]}::text[], ${filters.parkId}::text) AS m(id)`.execute(db);
  const count = Number(rows[0]?.n ?? 0);
  const ids = rows[0]?.ids ?? null;
  // Many: each filing met while walking the sort index is tested by a correlated subquery, which the planner cannot
  // turn into a join over every match, so the walk stops at one page. Few: fetched by key from their ids and sorted
  // (never a walk of the whole index testing every filing for a rare match: 500 ms when the matches are old).
  const cheap = long ? sql<SqlBool>`fs.s LIKE lower(${needle})` : sql<SqlBool>`strpos(fs.s, lower(${needle})) > 0`;
  const where =
    ids === null
      ? sql<SqlBool>`(SELECT ${cheap} FROM filing_search AS fs WHERE fs.id = filings.id)`
      : sql<SqlBool>`filings.id = ANY(${ids}::integer[])`;
  return { count, where };
}

/** Columns that may be NULL sort as SQLite sorts them: first ascending, last descending (migration 011's indexes). */
const NULLABLE = new Set(['submitted_at', 'due_date']);

/** NOT NULL columns sort plainly, so the ordinary index serves both directions and a page stops early. */
export const pgOrder = (column: string, dir: 'asc' | 'desc') =>
  NULLABLE.has(column)
    ? sql`${sql.ref(column)} ${sql.raw(dir === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST')}`
    : sql`${sql.ref(column)} ${sql.raw(dir === 'asc' ? 'ASC' : 'DESC')}`;

/**
 * `filing_search` is derived from the filings, kept row by row by its trigger (migration 011). A copy made with the
 * tables' triggers off (move-to-server) fills it afresh from the copied filings, in the same transaction. Its GIN
 * indexes take entries one by one since migration 012; for a whole table they collect them in a pending list first
 * and merge it once, in sorted batches (a hundred thousand filings: ~50 s one by one).
 */
export async function refillSearch(db: { query(sql: string): Promise<unknown> }): Promise<void> {
  const gin = ['filing_search_trgm', 'filing_search_grams'];
  await db.query(`${gin.map((i) => `ALTER INDEX ${i} SET (fastupdate = on);`).join('\n')}
    DELETE FROM filing_search;
    INSERT INTO filing_search (id, s, state, park_id)
      SELECT id, desk_search_text(filing_no, applicant_name, credit_code, project_name), state, park_id FROM filings;
    SELECT ${gin.map((i) => `gin_clean_pending_list('${i}'::regclass)`).join(', ')};
    ${gin.map((i) => `ALTER INDEX ${i} SET (fastupdate = off);`).join('\n')}`);
}
