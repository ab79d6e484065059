import type { PgMigration } from './index';

/**
 * Step 12 on PostgreSQL: the search indexes stay as fast after a day of decisions as after a vacuum.
 *
 * A GIN index by default adds new entries to a pending list that every search reads in full until a vacuum merges it,
 * and the search table's row is rewritten whenever a filing's state changes (migration 011's trigger also rewrote it
 * when nothing it holds had changed), so searches would slow down between vacuums as decisions are made. Its two GIN
 * indexes now take entries directly (`fastupdate = off`; the table changes a few times per filing, so the cost moves
 * to those rare writes), and the trigger writes only when the text, state or park actually changed.
 *
 * Migration 001's four trigram indexes on the filings table itself are no longer read by anything (search reads
 * `filing_search` since step 11), yet every write to a filing — a decision rewrites its row — added entries to all
 * four pending lists, and one write in a few hundred paid for merging a full list. They are dropped.
 *
 * The list sorts by a column and then by id. An index on the column alone serves that order only through an
 * incremental sort, which must read every row of a run of equal values before it can return the first: after the
 * server's start-up sweep had touched 8,000 filings in one second, a page of a text search sorted by `updated_at`
 * read 7,900 filings for 50 (25 ms). The sort indexes now end in the id, as SQLite's carry the rowid, so a page stops
 * after its 50 rows whatever the ties.
 */
export const pgMigration012: PgMigration = {
  version: 12,
  name: 'search-upkeep',
  up: `
DROP INDEX filings_trgm_no;
DROP INDEX filings_trgm_applicant;
DROP INDEX filings_trgm_credit;
DROP INDEX filings_trgm_project;
ALTER INDEX filing_search_trgm SET (fastupdate = off);
ALTER INDEX filing_search_grams SET (fastupdate = off);
DROP INDEX filings_updated;
CREATE INDEX filings_updated ON filings (updated_at, id);
DROP INDEX filings_applicant;
CREATE INDEX filings_applicant ON filings (applicant_name, id);
DROP INDEX filings_project;
CREATE INDEX filings_project ON filings (project_name, id);
DROP INDEX filings_credit;
CREATE INDEX filings_credit ON filings (credit_code, id);
DROP INDEX filings_state;
CREATE INDEX filings_state ON filings (state, updated_at, id);
DROP INDEX filings_park;
CREATE INDEX filings_park ON filings (park_id, updated_at, id);
SELECT gin_clean_pending_list('filing_search_trgm'::regclass), gin_clean_pending_list('filing_search_grams'::regclass);
CREATE OR REPLACE FUNCTION filing_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.filing_no, NEW.applicant_name, NEW.credit_code, NEW.project_name, NEW.state, NEW.park_id)
      IS NOT DISTINCT FROM (OLD.filing_no, OLD.applicant_name, OLD.credit_code, OLD.project_name, OLD.state, OLD.park_id) THEN
    RETURN NULL;
  END IF;
  INSERT INTO filing_search (id, s, state, park_id)
    VALUES (NEW.id, desk_search_text(NEW.filing_no, NEW.applicant_name, NEW.credit_code, NEW.project_name), NEW.state, NEW.park_id)
    ON CONFLICT (id) DO UPDATE SET s = EXCLUDED.s, state = EXCLUDED.state, park_id = EXCLUDED.park_id;
  RETURN NULL;
END $$;
`,
};
