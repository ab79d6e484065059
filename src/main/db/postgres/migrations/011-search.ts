import type { PgMigration } from './index';

/**
 * Step 11 on PostgreSQL: search from a narrow side table (SQLite's step adds a second FTS5 index instead).
 *
 * Migration 001's four pg_trgm indexes answered `ILIKE` on the filings table itself: counting a query that matches
 * 8,000 of 100,000 filings then visited ~3,000 wide heap pages and lowered four columns of every candidate (~20 ms),
 * and one or two characters have no trigram, so they scanned. `filing_search` holds one lowered text per filing
 * (its four searchable columns joined by U+001F, which no query contains), kept by a trigger; its heap is a quarter
 * of the filings table's and a recheck is one LIKE. Two GIN indexes on it: pg_trgm for three or more characters, and
 * `desk_grams` (every distinct character and adjacent pair of characters, never across columns) for one or two,
 * looked up exactly with `@>` (costly to compute per row, so declared so; a page walking a sort index tests the same
 * thing with strpos). The matches are read through `desk_search_like` / `desk_search_gram`, whose own setting keeps
 * the planner off a sequential scan of the table: it costs LIKE on Chinese text as nearly free, and on one database
 * chose to scan 100,000 rows (22 ms) over the index (4 ms) for a query matching 8 %. Parallel workers are switched off for it: the work is a few milliseconds and
 * starting workers costs more.
 *
 * Ordering: PostgreSQL sorts NULLs last ascending, SQLite first. The list sorts nullable columns NULLS FIRST ascending
 * (and so NULLS LAST descending), which the default index cannot serve; the two nullable sort columns get their
 * indexes rebuilt in that order with the id as tie-break (SQLite's indexes carry the rowid), so one index serves both
 * directions of ORDER BY col, id and a page stops after 50 rows.
 */
export const pgMigration011: PgMigration = {
  version: 11,
  name: 'search',
  up: `
CREATE FUNCTION desk_search_text(filing_no text, applicant_name text, credit_code text, project_name text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT lower(coalesce(filing_no, '') || chr(31) || coalesce(applicant_name, '') || chr(31) || coalesce(credit_code, '') || chr(31)
  || coalesce(project_name, '')) $$;
CREATE FUNCTION desk_grams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(s, i, 1) AS g FROM generate_series(1, length(s)) AS i
    UNION ALL
    SELECT substr(s, i, 2) FROM generate_series(1, length(s) - 1) AS i
  ) AS grams WHERE strpos(g, chr(31)) = 0
$$;
ALTER FUNCTION desk_grams(text) COST 1000;
CREATE TABLE filing_search (
  id INTEGER PRIMARY KEY REFERENCES filings(id) ON DELETE CASCADE,
  s TEXT NOT NULL,
  state TEXT NOT NULL,
  park_id TEXT NOT NULL
) WITH (parallel_workers = 0);
INSERT INTO filing_search (id, s, state, park_id)
  SELECT id, desk_search_text(filing_no, applicant_name, credit_code, project_name), state, park_id FROM filings;
CREATE INDEX filing_search_trgm ON filing_search USING gin (s gin_trgm_ops);
CREATE INDEX filing_search_grams ON filing_search USING gin (desk_grams(s));
CREATE FUNCTION filing_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO filing_search (id, s, state, park_id)
    VALUES (NEW.id, desk_search_text(NEW.filing_no, NEW.applicant_name, NEW.credit_code, NEW.project_name), NEW.state, NEW.park_id)
    ON CONFLICT (id) DO UPDATE SET s = EXCLUDED.s, state = EXCLUDED.state, park_id = EXCLUDED.park_id;
  RETURN NULL;
END $$;
CREATE TRIGGER filing_search_keep AFTER INSERT OR UPDATE OF filing_no, applicant_name, credit_code, project_name, state, park_id
  ON filings
  FOR EACH ROW EXECUTE FUNCTION filing_search_keep();
CREATE FUNCTION desk_search_like(pattern text, states text[], park text) RETURNS SETOF integer
  LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT id FROM filing_search WHERE s LIKE pattern
    AND (cardinality(states) = 0 OR state = ANY (states)) AND (park IS NULL OR park_id = park)
$$;
CREATE FUNCTION desk_search_gram(gram text, states text[], park text) RETURNS SETOF integer
  LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT id FROM filing_search WHERE desk_grams(s) @> ARRAY[gram]
    AND (cardinality(states) = 0 OR state = ANY (states)) AND (park IS NULL OR park_id = park)
$$;
DROP INDEX filings_due;
CREATE INDEX filings_due ON filings (due_date NULLS FIRST, id);
DROP INDEX filings_submitted;
CREATE INDEX filings_submitted ON filings (submitted_at NULLS FIRST, id);
`,
};
