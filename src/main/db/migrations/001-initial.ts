import type { Migration } from './index';

/** The shared record: accounts, settings, filings with their materials, tracked items, events, clock pauses, audit. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','clerk','reviewer','observer')),
  unit TEXT CHECK (unit IN ('yj','hb','gh','sp','yq')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
  created_at TEXT NOT NULL,
  last_login_at TEXT,
  -- a reviewer belongs to exactly one unit; a clerk sits at sp; admin and observer have none
  CHECK ((role = 'reviewer' AND unit IS NOT NULL)
      OR (role = 'clerk' AND (unit IS NULL OR unit = 'sp'))
      OR (role IN ('admin','observer') AND unit IS NULL))
) STRICT;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;

CREATE TABLE filings (
  id INTEGER PRIMARY KEY,
  filing_no TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  applicant_name TEXT NOT NULL DEFAULT '',
  credit_code TEXT NOT NULL DEFAULT '',
  project_name TEXT NOT NULL DEFAULT '',
  park_id TEXT NOT NULL DEFAULT '',
  acceptance TEXT,
  conditional INTEGER NOT NULL DEFAULT 0,
  step TEXT,
  due_date TEXT,
  next_item_due TEXT,
  waiting_units TEXT NOT NULL DEFAULT '',
  -- The earlier of the step's deadline and the earliest open item's: "overdue" is one indexed range on it.
  earliest_due TEXT GENERATED ALWAYS AS (CASE WHEN due_date IS NULL THEN next_item_due WHEN next_item_due IS NULL OR due_date < next_item_due THEN due_date ELSE next_item_due END) VIRTUAL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT
) STRICT;
-- The full record lives beside its summary row, so list queries that touch thousands of rows read small pages.
CREATE TABLE filing_fields (
  filing_id INTEGER PRIMARY KEY REFERENCES filings(id),
  fields TEXT NOT NULL
) STRICT;

CREATE INDEX filings_state ON filings(state, updated_at);
CREATE INDEX filings_park ON filings(park_id, updated_at);
CREATE INDEX filings_updated ON filings(updated_at);
CREATE INDEX filings_submitted ON filings(submitted_at);
CREATE INDEX filings_due ON filings(due_date);
CREATE INDEX filings_item_due ON filings(next_item_due);
CREATE INDEX filings_earliest_due ON filings(earliest_due);
CREATE INDEX filings_applicant ON filings(applicant_name);
CREATE INDEX filings_project ON filings(project_name);
CREATE INDEX filings_credit ON filings(credit_code);
CREATE INDEX filings_waiting ON filings(state, waiting_units, updated_at);

-- Chinese substring search: trigram FTS over the searchable columns, kept in step by triggers.
-- Queries of 3+ characters use it; 1–2 character queries fall back to an index-ordered scan that stops at one page.
CREATE VIRTUAL TABLE filings_fts USING fts5(
  filing_no, applicant_name, credit_code, project_name,
  content='filings', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER filings_fts_ai AFTER INSERT ON filings BEGIN
  INSERT INTO filings_fts(rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES (new.id, new.filing_no, new.applicant_name, new.credit_code, new.project_name);
END;
CREATE TRIGGER filings_fts_ad AFTER DELETE ON filings BEGIN
  INSERT INTO filings_fts(filings_fts, rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES ('delete', old.id, old.filing_no, old.applicant_name, old.credit_code, old.project_name);
END;
CREATE TRIGGER filings_fts_au AFTER UPDATE OF filing_no, applicant_name, credit_code, project_name ON filings BEGIN
  INSERT INTO filings_fts(filings_fts, rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES ('delete', old.id, old.filing_no, old.applicant_name, old.credit_code, old.project_name);
  INSERT INTO filings_fts(rowid, filing_no, applicant_name, credit_code, project_name)
  VALUES (new.id, new.filing_no, new.applicant_name, new.credit_code, new.project_name);
END;

CREATE TABLE filing_materials (
  filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('present','missing')),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (filing_id, code)
) STRICT;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  material_code TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX attachments_filing ON attachments(filing_id, material_code);

CREATE TABLE tracked_items (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  kind TEXT NOT NULL CHECK (kind IN ('material','condition')),
  material_code TEXT,
  text TEXT NOT NULL,
  verifying_unit TEXT NOT NULL CHECK (verifying_unit IN ('yj','hb','gh','sp','yq')),
  due_date TEXT NOT NULL,
  blocks TEXT NOT NULL CHECK (blocks IN ('notice','hold','lock')),
  state TEXT NOT NULL CHECK (state IN ('open','supplied','closed','notApplied')),
  note TEXT NOT NULL DEFAULT '',
  source_decision_id INTEGER,
  created_at TEXT NOT NULL,
  supplied_at TEXT,
  closed_at TEXT,
  closed_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX tracked_items_filing ON tracked_items(filing_id);
CREATE INDEX tracked_items_open ON tracked_items(state, due_date);
-- Conditions are never deleted (domain §6); neither are missing-paper items.
CREATE TRIGGER tracked_items_no_delete BEFORE DELETE ON tracked_items BEGIN
  SELECT RAISE(ABORT, 'tracked items are never deleted');
END;

CREATE TABLE filing_events (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT,
  unit TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX filing_events_filing ON filing_events(filing_id, at);

CREATE TABLE clock_pauses (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  step TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX clock_pauses_filing ON clock_pauses(filing_id);

CREATE TABLE idempotency (
  key TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  actor_id INTEGER,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT,
  unit TEXT,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL,
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
`,
};
