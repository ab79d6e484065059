import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, type TestDesk, type TestUser } from '../helpers/desk';
import { reviewDesk } from '../helpers/review-desk';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';

/** Domain §9 "Whose work waits where": the clerk's inbox holds the clerk's work and the applicant's, each with its clock. */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

const inboxRow = async (u: TestUser, filingId: number) => (await u.session.ok('review.inbox', {})).find((r) => r.filingId === filingId);

describe("the clerk's inbox (domain §9)", () => {
  it('holds filings awaiting acceptance, approved awaiting a certificate, and waiting for the applicant, each with its clock', async () => {
    const submitted = await t.newSubmittedFiling();
    const approved = await t.acceptedFiling();
    let view = await clerk.session.ok('review.get', { filingId: approved.id });
    for (const u of UNIT_CODES) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    const waiting = await t.acceptedFiling();
    let w = await clerk.session.ok('review.get', { filingId: waiting.id });
    for (const u of UNIT_CODES)
      w = await rv[u].session.ok(
        'review.decide',
        u === 'hb' ? decisionInput(w, u, 'revise', { failed: ['eia'], opinion: '补充' }) : decisionInput(w, u, 'approve'),
      );
    expect(w.state).toBe('supplement_requested');
    t.clock.advance({ days: 9 });

    for (const [f, work] of [
      [submitted, 'acceptance'],
      [approved, 'certificate'],
      [waiting, 'applicant'],
    ] as const) {
      const row = await inboxRow(clerk, f.id);
      const header = (await clerk.session.ok('filing.get', { id: f.id })).clock!;
      expect(row, work).toMatchObject({ work, dueDate: header.dueDate, daysLeft: header.daysLeft });
    }
    // The acceptance decision was due in 5 working days: overdue now, and red.
    expect(await inboxRow(clerk, submitted.id)).toMatchObject({ level: 'red' });
    // A reviewer's inbox holds only their unit's sections.
    expect(await inboxRow(rv.hb, submitted.id)).toBeUndefined();
  });

  it('the bell counts a supplied paper awaiting its unit as awaiting verification, not as overdue', async () => {
    const filing = await t.acceptedFiling({ conditional: true });
    const staff = filing.trackedItems.find((i) => i.materialCode === 'staff')!;
    t.clock.set(`${staff.dueDate}T02:00:00Z`);
    t.clock.advance({ days: 3 });
    await clerk.session.ok('followup.supply', { itemId: staff.id, note: '逾期补交', file: null });
    const bell = await rv.yj.session.ok('followup.notifications', {});
    expect(bell.items.find((n) => n.itemId === staff.id)).toMatchObject({ kind: 'awaitingVerification' });
    expect(bell.counts.awaitingVerification).toBeGreaterThanOrEqual(1);
    expect(bell.items.filter((n) => n.kind === 'overdue').map((n) => n.itemId)).not.toContain(staff.id);
  });
});
