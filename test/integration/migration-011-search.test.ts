import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration011 } from '../../src/main/db/migrations/011-search';
import { charsPhrase, deskChars } from '../../src/main/db/search-chars';

/** Migration 011 (SQLite): one- and two-character search from an FTS5 index of single characters. */
function filingsBefore011() {
  const db = new Database(':memory:');
  migrate(db, 10);
  const insert = db.prepare(
    `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
     VALUES (?, 'draft', ?, '', ?, 'binhai', 't', 't')`,
  );
  insert.run('A-1', '瑞丰化工', '𠀾项目');
  insert.run('A-2', '丰瑞 Co', '瑞');
  return db;
}
const matches = (db: Database.Database, q: string) =>
  db.prepare('SELECT rowid FROM filings_fts_chars WHERE filings_fts_chars MATCH ? ORDER BY rowid').pluck().all(charsPhrase(q)) as number[];

describe(`migration ${migration011.version} (search)`, () => {
  it('one token per character: Extension B is one, punctuation and spaces are kept, ASCII letters lowered', () => {
    expect(deskChars('𠀾')).toBe(`u${(0x2003e).toString(36)}`);
    expect(deskChars('A b-')).toBe(['a', ' ', 'b', '-'].map((c) => `u${c.codePointAt(0)!.toString(36)}`).join(' '));
    expect(deskChars('É')).not.toBe(deskChars('é')); // LIKE folds ASCII letters only
    expect(deskChars('')).toBe('');
  });

  it('indexes the filings that exist when it runs, and keeps to them after', () => {
    const db = filingsBefore011();
    migrate(db, 11);
    expect(matches(db, '瑞丰')).toEqual([1]);
    expect(matches(db, '丰瑞')).toEqual([2]);
    expect(matches(db, '瑞')).toEqual([1, 2]);
    expect(matches(db, '𠀾')).toEqual([1]);
    expect(matches(db, 'co')).toEqual([2]);
    expect(matches(db, ' c')).toEqual([2]);
    db.prepare("UPDATE filings SET applicant_name = '新名' WHERE id = 1").run();
    expect(matches(db, '瑞丰')).toEqual([]);
    expect(matches(db, '新名')).toEqual([1]);
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM filings WHERE id = 2').run();
    expect(matches(db, '瑞')).toEqual([]);
  });
});
