import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration008 } from '../../src/main/db/migrations/008-problem-meetings';

/** Migration 008: assignment meetings' attendance by department, fixed once the meeting is closed. */
function fresh() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare(
    "INSERT INTO users (id, username, display_name, role, unit, password_hash, created_at) VALUES (1, 'c', 'C', 'clerk', 'sp', 'x', 't')",
  ).run();
  db.prepare(
    "INSERT INTO meetings (id, date, time, place, host_id, host_name, units, created_at) VALUES (1, '2026-03-04', '09:30', 'P', 1, 'C', ',sp,', 't')",
  ).run();
  return db;
}
const add = (db: Database.Database, department: string, position: number, name: string) =>
  db
    .prepare('INSERT INTO problem_meeting_attendance (meeting_id, department, position, name) VALUES (1, ?, ?, ?)')
    .run(department, position, name);

describe(`migration ${migration008.version} (${migration008.name})`, () => {
  it('takes any department of Settings, by name; never an unknown department or an empty name', () => {
    const db = fresh();
    expect(() => add(db, 'gdgs', 0, '供电公司张工')).not.toThrow();
    expect(() => add(db, 'yq', 0, '王建国')).not.toThrow();
    expect(() => add(db, 'nosuch', 0, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => add(db, 'yq', 1, '')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE problem_meeting_attendance SET name = 'y'").run()).toThrow(/replaced/);
  });

  it('keeps a closed meeting’s attendance as it was', () => {
    const db = fresh();
    add(db, 'yq', 0, '王建国');
    db.prepare("UPDATE meetings SET state = 'closed', closed_at = 't', minutes_pdf = x'25' WHERE id = 1").run();
    expect(() => add(db, 'gdgs', 0, '张工')).toThrow(/closed meeting/);
    expect(() => db.prepare('DELETE FROM problem_meeting_attendance').run()).toThrow(/closed meeting/);
    expect(db.prepare('SELECT count(*) n FROM problem_meeting_attendance').get()).toEqual({ n: 1 });
  });
});
