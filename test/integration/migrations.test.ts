import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, migrations, LATEST_VERSION, NewerSchemaError } from '../../src/main/db/migrations';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger','index') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

/**
 * What a step replaces. 13: migration 001's trigram index (a derived table, rebuilt from the filings), its shadow
 * tables and its triggers, by one that also holds each filing's state and park.
 */
const REPLACED: Record<number, string[]> = {
  13: [
    'filings_fts',
    'filings_fts_config',
    'filings_fts_data',
    'filings_fts_docsize',
    'filings_fts_idx',
    'filings_fts_ai',
    'filings_fts_ad',
    'filings_fts_au',
  ],
};

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migrate an empty database to the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'users',
        'filings',
        'filing_materials',
        'tracked_items',
        'audit_log',
        'audit_log_no_update',
        'audit_log_no_delete',
      ]),
    );
    // Running again is a no-op.
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
  });

  for (const m of migrations) {
    it(`migration ${m.version} (${m.name}) applies on top of ${m.version - 1} and only adds`, () => {
      const db = new Database(':memory:');
      migrate(db, m.version - 1);
      const before = tables(db);
      migrate(db, m.version);
      const after = tables(db);
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      // Nothing is dropped but what a step replaces, named here, and a step adds something.
      const replaced = REPLACED[m.version] ?? [];
      expect(before).toEqual(expect.arrayContaining(replaced));
      expect(after.filter((n) => replaced.includes(n))).toEqual([]);
      expect(after).toEqual(expect.arrayContaining(before.filter((n) => !replaced.includes(n))));
      expect(after.length).toBeGreaterThan(before.length - replaced.length);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  }

  it('a failing migration leaves the database as it was', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    const broken = { version: LATEST_VERSION + 1, name: 'broken', up: 'CREATE TABLE half_done (x); SELECT no_such_function();' };
    migrations.push(broken);
    try {
      expect(() => migrate(db, broken.version)).toThrow();
    } finally {
      migrations.pop();
    }
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuses a database written by a newer desk', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
  });
});
