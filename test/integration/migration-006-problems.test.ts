import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration006 } from '../../src/main/db/migrations/006-problems';

/** Migration 008: departments, categories, policy and the problem tables, with the rules SQL holds. */
function fresh() {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare(
    "INSERT INTO users (id, username, display_name, role, unit, password_hash, created_at) VALUES (1, 'c', 'C', 'clerk', 'sp', 'x', 't')",
  ).run();
  db.prepare(
    `INSERT INTO problems (id, problem_no, credit_code, firm_name, title, request, source, category, state, lead, cooperating,
       created_dept, created_at, updated_at, dispatched_at) VALUES (1, 'WT-1', '91320000MA1XXXXX0X', 'F', 'T', 'R', 'firm', 'utilities',
       'dispatched', 'yq', ',gdgs,', 'sp', 't', 't', 't')`,
  ).run();
  return db;
}

describe(`migration ${migration006.version} (problems)`, () => {
  it('seeds the five review units among the departments, seven categories and the default policy', () => {
    const db = fresh();
    const codes = (db.prepare('SELECT code FROM departments ORDER BY sort').all() as { code: string }[]).map((r) => r.code);
    expect(codes.slice(0, 5)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    expect(codes.length).toBeGreaterThan(5);
    expect(db.prepare('SELECT count(*) n FROM problem_categories').get()).toEqual({ n: 7 });
    expect(db.prepare('SELECT coordinator, park_days, district_days, city_days, report_every_days FROM problem_policy').get()).toEqual({
      coordinator: 'sp',
      park_days: 10,
      district_days: 20,
      city_days: 40,
      report_every_days: 7,
    });
    expect(() => db.prepare("DELETE FROM departments WHERE code = 'yq'").run()).toThrow(/for good/);
  });

  it('takes progress only from the lead unit and notes from involved departments', () => {
    const db = fresh();
    const report = db.prepare("INSERT INTO problem_reports (problem_id, kind, department, at, text) VALUES (1, ?, ?, 't', 'x')");
    expect(() => report.run('progress', 'yq')).not.toThrow();
    expect(() => report.run('progress', 'gdgs')).toThrow(/FORBIDDEN/);
    expect(() => report.run('note', 'gdgs')).not.toThrow();
    expect(() => report.run('note', 'sp')).not.toThrow();
    expect(() => report.run('note', 'hb')).toThrow(/FORBIDDEN/);
  });

  it('closes only after a satisfied return visit by the coordinator', () => {
    const db = fresh();
    const close = () => db.prepare("UPDATE problems SET state = 'closed', closed_at = 't' WHERE id = 1").run();
    const visit = db.prepare("INSERT INTO problem_visits (problem_id, department, at, satisfied, notes) VALUES (1, ?, 't', ?, 'n')");
    expect(close).toThrow(/FORBIDDEN/);
    expect(() => visit.run('yq', 1)).toThrow(/FORBIDDEN/);
    visit.run('sp', 0);
    expect(close).toThrow(/FORBIDDEN/);
    visit.run('sp', 1);
    expect(close).not.toThrow();
  });

  it('names a unit exactly for a unit-responsibility cause, keeps history and refuses outside accounts', () => {
    const db = fresh();
    const cause = db.prepare(
      "INSERT INTO problem_blockages (problem_id, at, trigger, class, unit, lead, category, text) VALUES (1, 't', 'overdue', ?, ?, 'yq', 'utilities', 'x')",
    );
    expect(() => cause.run('unit', null)).toThrow(/CHECK/);
    expect(() => cause.run('legacy', 'yq')).toThrow(/CHECK/);
    cause.run('unit', 'yq');
    expect(() => db.prepare('DELETE FROM problem_blockages').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM problems').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO department_members VALUES (1, 'gdgs')").run()).toThrow(/FORBIDDEN/);
    expect(() => db.prepare("INSERT INTO department_members VALUES (1, 'kjsw')").run()).not.toThrow();
  });
});
