import type { PgMigration } from './index';

// SQLite's step 007-integrity, for PostgreSQL: the login throttle, the demo-account guard, sessions, audit_log.rows and
// the audit_dirty notes with their per-table triggers and baseline. PostgreSQL has no ANY column type, so row_key is
// TEXT (an id as its decimal text); ../../row-hashes.ts gives keys back their SQLite type before recording them.

/** [table, key column, columns an update must touch to be noted (null: any)] — as SQLite's triggers. */
const NOTED: [string, string, string | null][] = [
  ['users', 'id', 'username, display_name, role, unit, disabled, password_hash, is_demo'],
  ['filings', 'id', 'state, version'],
  ['settings', 'key', null],
  ['decisions', 'id', null],
  ['certificates', 'id', null],
  ['tracked_items', 'id', null],
];

const noted = ([table, key, of]: [string, string, string | null]) => `
CREATE TRIGGER ${table}_dirty_insert AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_dirty_note('${table}', '${key}');
CREATE TRIGGER ${table}_dirty_update AFTER UPDATE${of ? ` OF ${of}` : ''} ON ${table}
  FOR EACH ROW EXECUTE FUNCTION audit_dirty_note('${table}', '${key}');
CREATE TRIGGER ${table}_dirty_delete AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_dirty_note('${table}', '${key}');
INSERT INTO audit_dirty (tbl, row_key, origin) SELECT '${table}', ${key}::text, 'baseline' FROM ${table};`;

export const pgMigration007: PgMigration = {
  version: 7,
  name: 'integrity',
  up: `
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

CREATE FUNCTION users_demo_only_alone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM users WHERE is_demo = 0) THEN
    RAISE EXCEPTION 'CONFLICT: demo accounts never join a desk with a real account';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_demo_only_alone BEFORE INSERT ON users
  FOR EACH ROW WHEN (NEW.is_demo = 1) EXECUTE FUNCTION users_demo_only_alone();

CREATE TABLE sessions (
  secret_hash TEXT PRIMARY KEY CHECK (length(secret_hash) = 64),
  user_id INTEGER NOT NULL REFERENCES users(id),
  transport TEXT NOT NULL CHECK (transport IN ('browser','electron','test','server')),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE audit_log ADD COLUMN rows TEXT;

CREATE TABLE audit_dirty (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('write','baseline')),
  PRIMARY KEY (tbl, row_key)
);
-- Notes a written row (INSERT OR IGNORE in SQLite): arguments are the table and its key column.
CREATE FUNCTION audit_dirty_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_dirty (tbl, row_key, origin)
  VALUES (TG_ARGV[0], to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> TG_ARGV[1], 'write')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
${NOTED.map(noted).join('\n')}
`,
};
