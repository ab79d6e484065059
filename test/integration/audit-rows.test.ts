/**
 * rows-1: each audited change records a hash of the rows it wrote; verification recomputes them from the current
 * rows and names every row changed, added or deleted behind the desk's back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, newKey, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import { verifyAudit } from '../../src/main/cli/verify-audit';
import { sqliteHandle } from '../../src/main/db/store';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let admin: TestUser;
let observer: TestUser;
let filingId: number;
let certificateId: number;

beforeEach(async () => {
  t = await createTestDesk();
  admin = await t.setupAdmin();
  rv = await reviewersByUnit(t);
  observer = await t.createUser('observer');
  const clerk = (await t.clerk()).session;
  const accepted = await t.acceptedFiling({ conditional: true });
  let view = await clerk.ok('review.get', { filingId: accepted.id });
  for (const u of UNIT_CODES) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
  const f = await clerk.ok('filing.get', { id: accepted.id });
  const cert = await clerk.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey('issue') });
  filingId = f.id;
  certificateId = cert.id;
}, 60_000);
afterEach(() => t.close());

const db = () => sqliteHandle(t.desk.services.store);
const verdict = () => admin.session.ok('audit.verify', {});

describe('rows-1: the chain covers the data', () => {
  it('a desk used only through its handlers verifies, rows and all', async () => {
    expect(await verdict()).toMatchObject({ ok: true, problem: null });
    expect(verifyAudit(t.dir)).toMatchObject({ code: 0 });
    const recorded = db().prepare('SELECT count(*) FROM audit_log WHERE rows IS NOT NULL').pluck().get() as number;
    expect(recorded).toBeGreaterThan(5);
  });

  const edits: [string, string, () => unknown][] = [
    [
      'a decision',
      'decisions',
      () => db().prepare("UPDATE decisions SET opinion = 'forged' WHERE id = (SELECT max(id) FROM decisions)").run(),
    ],
    ['an observer promoted to administrator', 'users', () => db().prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(observer.id)],
    [
      'a certificate',
      'certificates',
      () => db().prepare("UPDATE certificates SET record_json = record_json || ' ' WHERE id = ?").run(certificateId),
    ],
    [
      'a tracked item',
      'tracked_items',
      () => db().prepare("UPDATE tracked_items SET due_date = '2099-01-01' WHERE id = (SELECT min(id) FROM tracked_items)").run(),
    ],
    [
      'a setting',
      'settings',
      () => db().prepare("UPDATE settings SET value = value || ' ' WHERE key = (SELECT min(key) FROM settings)").run(),
    ],
    [
      'a filing state',
      'filings',
      () => db().prepare("UPDATE filings SET state = 'terminated', version = version + 1 WHERE id = ?").run(filingId),
    ],
  ];
  for (const [name, table, edit] of edits) {
    it(`names ${name} changed directly in the database, also after later legitimate writes`, async () => {
      // Triggers that would refuse some edits are not the point here: the forger drops them first.
      for (const trigger of db()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name NOT LIKE '%_dirty_%'")
        .pluck()
        .all(table) as string[])
        db().exec(`DROP TRIGGER ${trigger}`);
      if (table === 'settings') await admin.session.ok('settings.update', await admin.session.ok('settings.get', {}));
      edit();
      await t.createUser('reviewer', 'hb');
      const out = verifyAudit(t.dir);
      expect(out.code).toBe(1);
      expect(out.lines.some((l) => l.startsWith(`row changed: ${table} `))).toBe(true);
      expect(await verdict()).toMatchObject({ ok: false, problem: 'rows' });
    });
  }

  it('names a row inserted and a row deleted behind the desk', async () => {
    db()
      .prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('ghost', 'Ghost', 'admin', 'x', 'now')")
      .run();
    db().prepare('DELETE FROM sessions WHERE user_id = ?').run(observer.id);
    db().prepare('DELETE FROM users WHERE id = ?').run(observer.id);
    const out = verifyAudit(t.dir);
    expect(out.lines).toContain(
      `row deleted: users ${observer.id} (last recorded at entry ${(out.lines.find((l) => l.includes(`users ${observer.id} `)) ?? '').match(/entry (\d+)/)?.[1]})`,
    );
    expect(out.lines.some((l) => /^row unrecorded: users \d+$/.test(l))).toBe(true);
  });
});
