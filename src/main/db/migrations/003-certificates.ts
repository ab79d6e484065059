import type { Migration } from './index';

/**
 * Registration certificates (domain §8). An issued certificate never changes: its number, record, signature and
 * PDF bytes are fixed by a trigger, and rows are never deleted; only its status (with reason and time) moves on.
 * Numbers come from one sequence per year, taken inside the issuing IMMEDIATE transaction; UNIQUE (year, seq)
 * stands behind it so no two certificates can ever share a number.
 */
export const migration003: Migration = {
  version: 3,
  name: 'certificates',
  up: `
CREATE TABLE certificates (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  -- the canonical registered record (JSON) and its SHA-256, which the signature covers
  record_json TEXT NOT NULL,
  record_hash TEXT NOT NULL CHECK (length(record_hash) = 64),
  qr_text TEXT NOT NULL,
  verification_code TEXT NOT NULL UNIQUE,
  key_id TEXT NOT NULL,
  -- the audit chain head printed on the certificate
  audit_head TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by INTEGER REFERENCES users(id),
  issued_by_name TEXT NOT NULL,
  replaces_id INTEGER REFERENCES certificates(id),
  pdf BLOB NOT NULL,
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','suspended','revoked','superseded')),
  status_reason TEXT NOT NULL DEFAULT '',
  status_changed_at TEXT,
  revoked_reason TEXT,
  revoked_at TEXT,
  UNIQUE (year, seq)
) STRICT;
CREATE INDEX certificates_filing ON certificates(filing_id, id);
-- at most one live certificate per filing; a re-issue supersedes the old one in the same transaction
CREATE UNIQUE INDEX certificates_live ON certificates(filing_id) WHERE status IN ('issued','suspended');
CREATE UNIQUE INDEX certificates_replaces ON certificates(replaces_id) WHERE replaces_id IS NOT NULL;

CREATE TRIGGER certificates_immutable BEFORE UPDATE OF
  id, number, year, seq, filing_id, record_json, record_hash, qr_text, verification_code, key_id, audit_head,
  issued_at, issued_by, issued_by_name, replaces_id, pdf ON certificates
BEGIN
  SELECT RAISE(ABORT, 'an issued certificate never changes');
END;
-- revoked and superseded are final
CREATE TRIGGER certificates_final BEFORE UPDATE OF status ON certificates
WHEN OLD.status IN ('revoked','superseded') AND NEW.status <> OLD.status
BEGIN
  SELECT RAISE(ABORT, 'a revoked or superseded certificate stays so');
END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates BEGIN
  SELECT RAISE(ABORT, 'certificates are never deleted');
END;

-- Public keys of other desks whose certificates this desk accepts as genuine.
CREATE TABLE trusted_keys (
  key_id TEXT PRIMARY KEY,
  public_key_pem TEXT NOT NULL,
  label TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES users(id)
) STRICT;
`,
};
