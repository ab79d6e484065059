import type { Migration } from './index';

/**
 * Integrity and access under attack (issue 13).
 * - login_throttle: failed-login counters per account name (existing or not) and per client address, reserved before
 *   the slow password check so parallel attempts count one by one.
 * - A demo account never joins a desk that has a real one, whatever code path tries.
 */
export const migration006: Migration = {
  version: 6,
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
`,
};
