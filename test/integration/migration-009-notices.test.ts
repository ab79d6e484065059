import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration009 } from '../../src/main/db/migrations/009-notices';

/** Migration 009: issued notices, stored once per decision, never changed, never deleted. */
function fresh() {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare(
    "INSERT INTO filings (id, filing_no, state, created_at, updated_at) VALUES (1, 'F-1', 'correction_requested', 't', 't')",
  ).run();
  return db;
}
const insert = (db: Database.Database, kind: string, occasion = 'acceptance:t') =>
  db
    .prepare(
      `INSERT INTO issued_notices (filing_id, kind, occasion, decided_at, issued_at, filename, sha256, pdf)
       VALUES (1, ?, ?, 't', 't', 'n.pdf', ?, ?)`,
    )
    .run(kind, occasion, 'a'.repeat(64), Buffer.from('%PDF-1.7'));

describe(`migration ${migration009.version} (notices)`, () => {
  it('keeps one notice per decision and kind, of the kinds the desk issues', () => {
    const db = fresh();
    insert(db, 'correction');
    expect(() => insert(db, 'correction')).toThrow(/UNIQUE/);
    insert(db, 'supplement', 'round:1');
    expect(() => insert(db, 'certificate', 'x')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM issued_notices').get()).toEqual({ n: 2 });
  });

  it('refuses to change or delete an issued notice', () => {
    const db = fresh();
    insert(db, 'correction');
    expect(() => db.prepare("UPDATE issued_notices SET pdf = x'00'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM issued_notices').run()).toThrow(/never deleted/);
  });
});
