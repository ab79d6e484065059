import { sql, type RawBuilder } from 'kysely';
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
  const stateFacets = filters.states.map((s) => `state:${s}`);
  const parkFacets = filters.parkId !== null ? [`park:${filters.parkId}`] : [];
  const ids = new Map<string, number>();
  if (stateFacets.length + parkFacets.length) {
    const { rows } = await sql<{ facet: string; id: number }>`SELECT facet, id FROM filings_fts_tokens
      WHERE facet IN (${sql.join([...stateFacets, ...parkFacets])})`.execute(db);
    for (const r of rows) ids.set(r.facet, r.id);
  }
  const tokens = (facets: string[]) => facets.flatMap((f) => (ids.has(f) ? [`"${facetToken(ids.get(f)!)}"`] : []));
  const [states, park] = [tokens(stateFacets), tokens(parkFacets)];
  // None of the states asked for, or not the park, has ever been a filing's: nothing can match.
  if ((stateFacets.length > 0 && states.length === 0) || park.length < parkFacets.length) return null;
  return [
    `${TEXT_COLUMNS} : ${ftsPhrase(query)}`,
    ...(states.length ? [`facets : (${states.join(' OR ')})`] : []),
    ...(park.length ? [`facets : ${park[0]}`] : []),
  ].join(' AND ');
}

/** The filings matching `match` (from facetMatch), counted from the index alone, and the subquery that lists them. */
export async function facetMatchCount(db: Db | Trx, match: string): Promise<{ count: number; ids: RawBuilder<unknown> }> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM filings_fts_facets WHERE filings_fts_facets MATCH ${match}`.execute(
    db,
  );
  return {
    count: Number(rows[0]?.n ?? 0),
    ids: sql`(SELECT rowid FROM filings_fts_facets WHERE filings_fts_facets MATCH ${match})`,
  };
}
