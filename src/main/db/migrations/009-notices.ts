import type { Migration } from './index';

/**
 * Issued notices (domain §5, §6): every notice the desk issues — conditional acceptance, the one-time correction
 * notice, not accepted, the one-time supplement notice of a review round, rejected — is kept with the filing as the
 * PDF it was issued as. One row per decision that produced it (the occasion: the acceptance decision's time, or the
 * round's number), so a notice is stored once; a trigger keeps it from changing and rows are never deleted, so a
 * correction notice stays on file after the applicant resubmits.
 */
export const migration009: Migration = {
  version: 9,
  name: 'notices',
  up: `
CREATE TABLE issued_notices (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  kind TEXT NOT NULL CHECK (kind IN ('conditional','correction','notAccepted','rejected','supplement')),
  occasion TEXT NOT NULL,
  -- the date the notice bears (the decision's), and when the desk stored it
  decided_at TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  filename TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  pdf BLOB NOT NULL,
  UNIQUE (filing_id, kind, occasion)
) STRICT;
CREATE INDEX issued_notices_filing ON issued_notices(filing_id, id);
CREATE TRIGGER issued_notices_immutable BEFORE UPDATE ON issued_notices BEGIN
  SELECT RAISE(ABORT, 'an issued notice never changes');
END;
CREATE TRIGGER issued_notices_no_delete BEFORE DELETE ON issued_notices BEGIN
  SELECT RAISE(ABORT, 'issued notices are never deleted');
END;
`,
};
