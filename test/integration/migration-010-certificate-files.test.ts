import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration010 } from '../../src/main/db/migrations/010-certificate-files';

/** Migration 010: the issued PDF moves to certificate_files, written once and never changed or deleted. */
function issuedBefore010() {
  const db = new Database(':memory:');
  migrate(db, 9);
  // Only the certificate rows matter here; the filings and users they point at are not this step's subject.
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(
    `INSERT INTO certificates (number, year, seq, filing_id, record_json, record_hash, qr_text, verification_code, key_id,
       audit_head, issued_at, issued_by_name, pdf) VALUES (?, 2026, ?, ?, '{}', ?, 'q', ?, 'k', '#0', 't', 'C', ?)`,
  );
  insert.run('N1', 1, 1, 'a'.repeat(64), 'CODE1', Buffer.from('%PDF-one'));
  insert.run('N2', 2, 2, 'b'.repeat(64), 'CODE2', Buffer.from('%PDF-two'));
  return db;
}

describe(`migration ${migration010.version} (certificate files)`, () => {
  it('moves every file issued before it, byte for byte, to certificate_files', () => {
    const db = issuedBefore010();
    migrate(db, 10);
    const rows = db.prepare('SELECT certificate_id AS id, pdf FROM certificate_files ORDER BY certificate_id').all() as {
      id: number;
      pdf: Buffer;
    }[];
    expect(rows.map((r) => [r.id, r.pdf.toString('latin1')])).toEqual([
      [1, '%PDF-one'],
      [2, '%PDF-two'],
    ]);
  });

  it('writes a file once: no update, no delete, no empty file, one file per certificate', () => {
    const db = issuedBefore010();
    migrate(db, 10);
    expect(() => db.prepare("UPDATE certificate_files SET pdf = x'00' WHERE certificate_id = 1").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM certificate_files WHERE certificate_id = 2').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO certificate_files (certificate_id, pdf) VALUES (1, x'01')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO certificate_files (certificate_id, pdf) VALUES (3, x'')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO certificate_files (certificate_id, pdf) VALUES (99, x'01')").run()).toThrow(/FOREIGN KEY/);
  });
});
