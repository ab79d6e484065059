import type { Migration } from './index';

/**
 * A filing's state and park become tokens of its trigram index, so a text search with a state or park filter is one
 * intersection inside the index instead of a lookup per text match.
 *
 * Counting such a search (migration 012) tested every text match against `filings_facets`: ~0.35 µs each, 3–4 ms for
 * a query matching 8,000 filings, and the page read the matches a second time. FTS5 intersects two token lists by
 * skipping through them, so `text AND facet` costs about what the text alone costs (1.4 ms for the same query), and
 * the page probes the smaller set.
 *
 * A facet token must be one trigram (a longer phrase is matched position by position, 6 ms), and the filter values
 * are open-ended (parks are settings), so each value seen gets a row in `filings_fts_tokens` and its token is three
 * characters of the Private Use Area no text contains: U+F8FF, then the row id in base 6,399 as two characters from
 * U+E000 (never U+F8FF itself, so the trigrams across two tokens never start with it). The trigram tokenizer folds
 * case only, which leaves these characters alone. `filingFacetToken` (src/main/db/search-facets.ts) computes the same
 * token for a query.
 *
 * The table keeps no copy of the text (contentless, deletable by rowid since SQLite 3.43); nothing reads columns back
 * from it. It replaces migration 001's `filings_fts`. PostgreSQL's step 13 of the same name changes a search row's
 * state and park in place.
 */
const TOKEN = (facet: string) =>
  `(SELECT char(63743, 57344 + id / 6399, 57344 + id % 6399) FROM filings_fts_tokens WHERE facet = ${facet})`;
const FACETS = (row: 'new' | 'f') => `${TOKEN(`'state:' || ${row}.state`)} || ${TOKEN(`'park:' || ${row}.park_id`)}`;
const NOTE = (row: 'new' | 'f') =>
  `INSERT OR IGNORE INTO filings_fts_tokens (facet) VALUES ('state:' || ${row}.state), ('park:' || ${row}.park_id)`;
const COLUMNS = 'filing_no, applicant_name, credit_code, project_name';

export const migration013: Migration = {
  version: 13,
  name: 'search-facets',
  up: `
CREATE TABLE filings_fts_tokens (
  id INTEGER PRIMARY KEY,
  facet TEXT NOT NULL UNIQUE
) STRICT;
INSERT OR IGNORE INTO filings_fts_tokens (facet) SELECT DISTINCT 'state:' || state FROM filings;
INSERT OR IGNORE INTO filings_fts_tokens (facet) SELECT DISTINCT 'park:' || park_id FROM filings;
CREATE VIRTUAL TABLE filings_fts_facets USING fts5(
  ${COLUMNS}, facets,
  content='', contentless_delete=1, tokenize='trigram'
);
INSERT INTO filings_fts_facets (rowid, ${COLUMNS}, facets)
  SELECT f.id, f.filing_no, f.applicant_name, f.credit_code, f.project_name, ${FACETS('f')} FROM filings AS f;
DROP TRIGGER filings_fts_ai;
DROP TRIGGER filings_fts_ad;
DROP TRIGGER filings_fts_au;
DROP TABLE filings_fts;
CREATE TRIGGER filings_fts_facets_ai AFTER INSERT ON filings BEGIN
  ${NOTE('new')};
  INSERT INTO filings_fts_facets (rowid, ${COLUMNS}, facets)
    VALUES (new.id, new.filing_no, new.applicant_name, new.credit_code, new.project_name, ${FACETS('new')});
END;
CREATE TRIGGER filings_fts_facets_ad AFTER DELETE ON filings BEGIN
  DELETE FROM filings_fts_facets WHERE rowid = old.id;
END;
CREATE TRIGGER filings_fts_facets_au AFTER UPDATE OF ${COLUMNS}, state, park_id ON filings
  WHEN (old.filing_no, old.applicant_name, old.credit_code, old.project_name, old.state, old.park_id)
    IS NOT (new.filing_no, new.applicant_name, new.credit_code, new.project_name, new.state, new.park_id) BEGIN
  ${NOTE('new')};
  DELETE FROM filings_fts_facets WHERE rowid = old.id;
  INSERT INTO filings_fts_facets (rowid, ${COLUMNS}, facets)
    VALUES (new.id, new.filing_no, new.applicant_name, new.credit_code, new.project_name, ${FACETS('new')});
END;
`,
};
