import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Trx } from './connection';

/**
 * The filter half of a SQLite text search (migration 013): a filing's state and park are tokens of the trigram index
 * `filings_fts_facets`, one per value ever seen, numbered in `filings_fts_tokens`. The token of row n is U+F8FF and n
 * in base 6,399 as two characters from U+E000 — the same three characters the migration's triggers write.
 */
export const facetToken = (id: number) => String.fromCodePoint(0xf8ff, 0xe000 + Math.floor(id / 6399), 0xe000 + (id % 6399));

/** Quotes are doubled so the query is one literal phrase. */
export const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

const TEXT_COLUMNS = '{filing_no applicant_name credit_code project_name}';

/**
 * The MATCH expression for a text of three or more characters with the list's state and park filters, or null when a
 * filter asks for a value no filing has ever had (nothing can match).
 */
export async function facetMatch(
  db: Db | Trx,
  query: string,
  filters: { states: readonly string[]; parkId: string | null },
): Promise<string | null> {
  const wanted = [...filters.states.map((s) => `state:${s}`), ...(filters.parkId !== null ? [`park:${filters.parkId}`] : [])];
  const ids = new Map<string, number>();
  if (wanted.length) {
    const { rows } = await sql<{ facet: string; id: number }>`SELECT facet, id FROM filings_fts_tokens
      WHERE facet IN (${sql.join(wanted)})`.execute(db);
    for (const r of rows) ids.set(r.facet, r.id);
  }
  const tokens = (facets: string[]) => facets.flatMap((f) => (ids.has(f) ? [`"${facetToken(ids.get(f)!)}"`] : []));
  const states = tokens(filters.states.map((s) => `state:${s}`));
  const park = filters.parkId !== null ? tokens([`park:${filters.parkId}`]) : [];
  if ((filters.states.length && !states.length) || (filters.parkId !== null && !park.length)) return null;
  return [
    `${TEXT_COLUMNS} : ${ftsPhrase(query)}`,
    ...(states.length ? [`facets : (${states.join(' OR ')})`] : []),
    ...(park.length ? [`facets : ${park[0]}`] : []),
  ].join(' AND ');
}

/** The filings matching `match` (from facetMatch), counted from the index alone, and the condition that selects them. */
export async function facetMatchCount(db: Db | Trx, match: string, dense: number): Promise<{ count: number; where: RawBuilder<SqlBool> }> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM filings_fts_facets WHERE filings_fts_facets MATCH ${match}`.execute(
    db,
  );
  const count = Number(rows[0]?.n ?? 0);
  const ids = sql`(SELECT rowid FROM filings_fts_facets WHERE filings_fts_facets MATCH ${match})`;
  // Few matches are fetched by rowid; for many, `+` keeps SQLite off the rowid list, so it walks an index (the sort
  // column's, or a filter's) probing the match set, and stops at one page.
  return { count, where: count > dense ? sql<SqlBool>`+filings.id IN ${ids}` : sql<SqlBool>`filings.id IN ${ids}` };
}
