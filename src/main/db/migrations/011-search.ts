import type { Migration } from './index';

/**
 * One- and two-character search from an index (issue 16: "list search p95 < 25 ms with exact totals … one- and
 * two-character queries handled"). FTS5's trigram index cannot look up fewer than three characters, so such a query
 * used to scan the four columns of every filing to count its matches. This contentless FTS5 table holds each
 * character as a token of its own (`desk_chars`, src/main/db/search-chars.ts, registered on every connection), kept
 * by triggers beside the trigram index; the rows of the filings table are its only source.
 */
export const migration011: Migration = {
  version: 11,
  name: 'search',
  up: `
CREATE VIRTUAL TABLE filings_fts_chars USING fts5(
  filing_no, applicant_name, credit_code, project_name,
  content='', contentless_delete=1, tokenize='ascii'
);
INSERT INTO filings_fts_chars (rowid, filing_no, applicant_name, credit_code, project_name)
  SELECT id, desk_chars(filing_no), desk_chars(applicant_name), desk_chars(credit_code), desk_chars(project_name) FROM filings;
CREATE TRIGGER filings_fts_chars_ai AFTER INSERT ON filings BEGIN
  INSERT INTO filings_fts_chars (rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES (new.id, desk_chars(new.filing_no), desk_chars(new.applicant_name), desk_chars(new.credit_code), desk_chars(new.project_name));
END;
CREATE TRIGGER filings_fts_chars_ad AFTER DELETE ON filings BEGIN
  DELETE FROM filings_fts_chars WHERE rowid = old.id;
END;
CREATE TRIGGER filings_fts_chars_au AFTER UPDATE OF filing_no, applicant_name, credit_code, project_name ON filings BEGIN
  DELETE FROM filings_fts_chars WHERE rowid = old.id;
  INSERT INTO filings_fts_chars (rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES (new.id, desk_chars(new.filing_no), desk_chars(new.applicant_name), desk_chars(new.credit_code), desk_chars(new.project_name));
END;
`,
};
