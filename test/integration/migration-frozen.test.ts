import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../src/main/db/migrations';
import { syncWorkDays } from '../../src/main/db/dashboard';

/**
 * Migration 004 used to import the runtime calendar; it now carries its own frozen copy. The schema it leaves behind
 * (every row of sqlite_master, root pages included, after migrations 1–5) and the working-day rows it writes must be
 * exactly what the old migration produced: the fixture was taken from the desk before the change.
 */
const GOLDEN = join(__dirname, 'fixtures', 'sqlite-master.json');
const WORK_DAYS_SHA256 = '2e6c35c424c21a5a0510cc5cc4da0e7504616fa9c0dcdbed739530a3e50c2301';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, 5);
  return db;
}

describe('frozen migration 004', () => {
  it('leaves sqlite_master byte-identical to the schema the desk had before', () => {
    const db = migrated();
    const master = db.prepare('SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY rowid').all();
    expect(JSON.stringify(master)).toBe(JSON.stringify(JSON.parse(readFileSync(GOLDEN, 'utf8'))));
  });

  it('writes the same working-day rows as before, which the runtime calendar still agrees with', () => {
    const db = migrated();
    const days = db.prepare('SELECT day, n FROM work_days ORDER BY day').all() as { day: string; n: number }[];
    expect(days).toHaveLength(7671);
    const hash = createHash('sha256')
      .update(days.map((d) => `${d.day} ${d.n}`).join('\n'))
      .digest('hex');
    expect(hash).toBe(WORK_DAYS_SHA256);
    expect(syncWorkDays(db)).toBe(0);
  });
});
