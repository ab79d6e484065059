import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDesk,
  decisionInput,
  expectError,
  expectOk,
  reviewersByUnit,
  type Session,
  type TestDesk,
  type TestUser,
} from '../helpers/desk';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
beforeEach(async () => {
  t = await createTestDesk();
  rv = await reviewersByUnit(t);
});
afterEach(() => t.close());

const count = async (sql: string, ...args: unknown[]) => (await t.query<{ n: number }>(sql, ...args))[0]!.n;
const deniedDecides = () => count("SELECT count(*) AS n FROM audit_log WHERE action = 'review.decide' AND outcome = 'denied'");
const decisions = () => count('SELECT count(*) AS n FROM decisions');

describe('review authority (auth-1, auth-2)', () => {
  it('only a reviewer of the section’s own unit decides it; every other try is refused and audited', async () => {
    const filing = await t.acceptedFiling();
    const clerk = await t.clerk();
    const observer = await t.createUser('observer');
    const admin = await t.setupAdmin();
    const others: [string, Session, string][] = [
      ['clerk', clerk.session, 'FORBIDDEN'],
      ['observer', observer.session, 'FORBIDDEN'],
      ['admin', admin.session, 'FORBIDDEN'],
      ['logged out', t.anonymous(), 'UNAUTHENTICATED'],
    ];
    const current = () => clerk.session.ok('review.get', { filingId: filing.id });
    let refused = 0;
    for (const section of UNIT_CODES) {
      for (const unit of UNIT_CODES.filter((u) => u !== section)) {
        const error = expectError(
          await rv[unit].session.call('review.decide', decisionInput(await current(), section, 'approve')),
          'FORBIDDEN',
        );
        expect(error.message).toContain(section);
        expect(await deniedDecides()).toBe(++refused);
      }
      for (const [, session, code] of others) {
        expectError(await session.call('review.decide', decisionInput(await current(), section, 'approve')), code);
        // Refusals of callers not signed in are counted per client per minute, not one entry each.
        if (code !== 'UNAUTHENTICATED') refused++;
        expect(await deniedDecides()).toBe(refused);
      }
    }
    expect(refused).toBe(5 * 4 + 5 * 3);
    await t.desk.services.refusals!.flush();
    const tally = (await t.query("SELECT after FROM audit_log WHERE action = 'auth.refused'")) as { after: string }[];
    expect(tally.map((r) => JSON.parse(r.after) as { count: number; channels: Record<string, number> })).toEqual([
      expect.objectContaining({ count: 5, channels: { 'review.decide': 5 } }),
    ]);
    expect(await decisions()).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'review.decide' AND outcome = 'ok'")).toBe(0);

    for (const section of UNIT_CODES)
      expectOk(await rv[section].session.call('review.decide', decisionInput(await current(), section, 'approve')));
    expect(await decisions()).toBe(5);
    expect((await current()).state).toBe('approved');
    expect(await deniedDecides()).toBe(refused);
    const signers = await t.query<{ section: string; decided_by: number }>('SELECT section, decided_by FROM decisions ORDER BY id');
    expect(signers).toEqual(UNIT_CODES.map((u) => ({ section: u, decided_by: rv[u].id })));
  });

  it('the database refuses a direct insert in the name of anyone but a reviewer of that unit', async () => {
    const filing = await t.acceptedFiling();
    const clerk = await t.clerk();
    const admin = await t.setupAdmin();
    const insert = (section: string, userId: number) =>
      t.query(
        `INSERT INTO decisions (filing_id, round, section, decision, opinion, not_involved_reason, checklist, conditions, decided_by, decided_by_name, decided_at, confirmed_via, filing_version, facts_hash, facts)
           VALUES (?, 1, ?, 'approve', '', '', '[]', '[]', ?, 'x', '2026-03-02T02:00:00Z', 'desk', 1, 'h', '{}')`,
        filing.id,
        section,
        userId,
      );
    await expect(insert('hb', rv.yj.id)).rejects.toThrow(/FORBIDDEN/);
    await expect(insert('sp', clerk.id)).rejects.toThrow(/FORBIDDEN/);
    await expect(insert('yq', admin.id)).rejects.toThrow(/FORBIDDEN/);
    await expect(insert('yj', 999_999)).rejects.toThrow(/FORBIDDEN/);
    expect(await decisions()).toBe(0);
    // The same statement for the unit's own reviewer goes in: the trigger refuses by authority, not by accident.
    await insert('yj', rv.yj.id);
    expect(await decisions()).toBe(1);
    // …and a signed decision can be neither rewritten nor deleted.
    await expect(t.query("UPDATE decisions SET decision = 'reject'")).rejects.toThrow(/signed/);
    await expect(t.query('UPDATE decisions SET decided_by = ?', rv.hb.id)).rejects.toThrow(/signed/);
    await expect(t.query('DELETE FROM decisions')).rejects.toThrow(/never deleted/);
  });

  it('a request that names its own unit or user is rejected by the strict schema and writes nothing', async () => {
    const filing = await t.acceptedFiling();
    const view = await rv.yj.session.ok('review.get', { filingId: filing.id });
    const audits = await count('SELECT count(*) AS n FROM audit_log');
    for (const extra of [{ unit: 'yj' }, { userId: rv.yj.id }, { decidedBy: rv.hb.id }, { unit: 'hb', userId: rv.hb.id }]) {
      const error = expectError(await rv.yj.session.raw('review.decide', { ...decisionInput(view, 'yj', 'approve'), ...extra }), 'INVALID');
      expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(Object.keys(extra)));
    }
    expect(await decisions()).toBe(0);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
    expect((await rv.yj.session.ok('review.get', { filingId: filing.id })).filingVersion).toBe(view.filingVersion);
  });
});
