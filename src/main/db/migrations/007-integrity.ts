import type { Migration } from './index';

/**
 * Integrity and access under attack (issue 13).
 * - login_throttle: failed-login counters per account name (existing or not) and per client address, reserved before
 *   the slow password check so parallel attempts count one by one.
 * - A demo account never joins a desk that has a real one, whatever code path tries.
 * - rows-1: triggers note every covered row a transaction writes (audit_dirty); the audit entry appended in the same
 *   transaction records a hash of each (audit_log.rows), and the entry's own hash covers them. Rows that existed
 *   before this migration are noted as a baseline, recorded by the first audited write.
 * - sessions (session-1): a random secret issued at sign-in, stored only as its SHA-256; idle and absolute expiry are
 *   checked against last_seen_at and created_at. The district server keeps the same table in PostgreSQL.
 */
export const migration007: Migration = {
  version: 7,
  name: 'integrity',
  up: `
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER users_demo_only_alone BEFORE INSERT ON users
WHEN NEW.is_demo = 1 AND EXISTS (SELECT 1 FROM users WHERE is_demo = 0)
BEGIN
  SELECT RAISE(ABORT, 'CONFLICT: demo accounts never join a desk with a real account');
END;

CREATE TABLE sessions (
  secret_hash TEXT PRIMARY KEY CHECK (length(secret_hash) = 64),
  user_id INTEGER NOT NULL REFERENCES users(id),
  transport TEXT NOT NULL CHECK (transport IN ('browser','electron','test','server')),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE audit_log ADD COLUMN rows TEXT;

CREATE TABLE audit_dirty (
  tbl TEXT NOT NULL,
  row_key ANY NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('write','baseline')),
  PRIMARY KEY (tbl, row_key)
) STRICT;
CREATE TRIGGER users_dirty_insert AFTER INSERT ON users BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('users', NEW.id, 'write');
END;
CREATE TRIGGER users_dirty_update AFTER UPDATE OF username, display_name, role, unit, disabled, password_hash, is_demo ON users BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('users', NEW.id, 'write');
END;
CREATE TRIGGER users_dirty_delete AFTER DELETE ON users BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('users', OLD.id, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'users', id, 'baseline' FROM users;
CREATE TRIGGER filings_dirty_insert AFTER INSERT ON filings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('filings', NEW.id, 'write');
END;
CREATE TRIGGER filings_dirty_update AFTER UPDATE OF state, version ON filings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('filings', NEW.id, 'write');
END;
CREATE TRIGGER filings_dirty_delete AFTER DELETE ON filings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('filings', OLD.id, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'filings', id, 'baseline' FROM filings;
CREATE TRIGGER settings_dirty_insert AFTER INSERT ON settings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('settings', NEW.key, 'write');
END;
CREATE TRIGGER settings_dirty_update AFTER UPDATE ON settings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('settings', NEW.key, 'write');
END;
CREATE TRIGGER settings_dirty_delete AFTER DELETE ON settings BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('settings', OLD.key, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'settings', key, 'baseline' FROM settings;
CREATE TRIGGER decisions_dirty_insert AFTER INSERT ON decisions BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('decisions', NEW.id, 'write');
END;
CREATE TRIGGER decisions_dirty_update AFTER UPDATE ON decisions BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('decisions', NEW.id, 'write');
END;
CREATE TRIGGER decisions_dirty_delete AFTER DELETE ON decisions BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('decisions', OLD.id, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'decisions', id, 'baseline' FROM decisions;
CREATE TRIGGER certificates_dirty_insert AFTER INSERT ON certificates BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('certificates', NEW.id, 'write');
END;
CREATE TRIGGER certificates_dirty_update AFTER UPDATE ON certificates BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('certificates', NEW.id, 'write');
END;
CREATE TRIGGER certificates_dirty_delete AFTER DELETE ON certificates BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('certificates', OLD.id, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'certificates', id, 'baseline' FROM certificates;
CREATE TRIGGER tracked_items_dirty_insert AFTER INSERT ON tracked_items BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('tracked_items', NEW.id, 'write');
END;
CREATE TRIGGER tracked_items_dirty_update AFTER UPDATE ON tracked_items BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('tracked_items', NEW.id, 'write');
END;
CREATE TRIGGER tracked_items_dirty_delete AFTER DELETE ON tracked_items BEGIN
  INSERT OR IGNORE INTO audit_dirty (tbl, row_key, origin) VALUES ('tracked_items', OLD.id, 'write');
END;
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'tracked_items', id, 'baseline' FROM tracked_items;
`,
};
