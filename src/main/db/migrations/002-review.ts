import type { Migration } from './index';

/**
 * Joint review (domain §6): rounds, and each unit's decisions bound to the version and facts they saw.
 * Authority is checked twice: in the handler, and here by a trigger, so no code path (or hand-written SQL)
 * can record a decision in the name of someone who is not a reviewer of that unit.
 */
export const migration002: Migration = {
  version: 2,
  name: 'review',
  up: `
CREATE TABLE review_rounds (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  -- the units deciding in this round, in the ',yj,hb,' form the filing list also uses
  units TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  outcome TEXT NOT NULL DEFAULT 'pending'
    CHECK (outcome IN ('pending','rejected','supplementRequested','approvedWithConditions','approved')),
  -- the one notice listing everything asked for when the round ended in revise (JSON)
  supplement_request TEXT,
  UNIQUE (filing_id, number)
) STRICT;
-- at most one open round per filing
CREATE UNIQUE INDEX review_rounds_open ON review_rounds(filing_id) WHERE closed_at IS NULL;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  round INTEGER NOT NULL,
  section TEXT NOT NULL CHECK (section IN ('yj','hb','gh','sp','yq')),
  decision TEXT NOT NULL CHECK (decision IN ('reject','revise','approveWithConditions','approve','notInvolved')),
  opinion TEXT NOT NULL,
  not_involved_reason TEXT NOT NULL,
  checklist TEXT NOT NULL,
  conditions TEXT NOT NULL,
  decided_by INTEGER NOT NULL REFERENCES users(id),
  decided_by_name TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  confirmed_via TEXT NOT NULL CHECK (confirmed_via IN ('desk','session')),
  meeting_id INTEGER,
  filing_version INTEGER NOT NULL,
  facts_hash TEXT NOT NULL,
  -- the canonical facts the reviewer saw, so the desk can show exactly what changed since they signed
  facts TEXT NOT NULL,
  stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0,1)),
  stale_at TEXT,
  FOREIGN KEY (filing_id, round) REFERENCES review_rounds(filing_id, number)
) STRICT;
CREATE INDEX decisions_filing ON decisions(filing_id, section, id);

CREATE TRIGGER decisions_authority BEFORE INSERT ON decisions
WHEN NOT EXISTS (
  SELECT 1 FROM users u WHERE u.id = NEW.decided_by AND u.role = 'reviewer' AND u.unit = NEW.section AND u.disabled = 0
)
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: only an active reviewer of the unit may decide its section');
END;

-- A decision is a signed record: it never changes, except that it may turn stale; it is never deleted.
CREATE TRIGGER decisions_signed BEFORE UPDATE OF
  id, filing_id, round, section, decision, opinion, not_involved_reason, checklist, conditions, decided_by,
  decided_by_name, decided_at, confirmed_via, meeting_id, filing_version, facts_hash, facts ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are signed records and cannot be changed');
END;
CREATE TRIGGER decisions_stale_only_once BEFORE UPDATE OF stale ON decisions WHEN OLD.stale = 1 AND NEW.stale = 0
BEGIN
  SELECT RAISE(ABORT, 'a stale decision is re-confirmed by a new decision, never un-staled');
END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN
  SELECT RAISE(ABORT, 'decisions are never deleted');
END;
`,
};
