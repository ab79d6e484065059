/**
 * Issue 6, escalation with the injected clock, through dispatch: items walk from due to reminder (5 working days),
 * due soon (1), overdue; before registration the filing is terminated, after registration it is suspended and then
 * revoked once the grace period (10 working days) has passed. Deadlines cross the Mid-Autumn and National Day
 * holidays of 2026 (25 Sep; 1–7 Oct off, with the make-up working days Sun 20 Sep and Sat 10 Oct).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { reviewDesk } from '../helpers/review-desk';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import type { FilingView } from '../../src/shared/contract/filings';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
// Monday 7 September 2026, 10:00 in Shanghai.
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk({ now: '2026-09-07T02:00:00Z' })));
afterEach(() => t.close());

const at = (day: string) => t.clock.set(`${day}T02:00:00Z`);
const item = (view: FilingView, code: string) => view.trackedItems.find((i) => i.materialCode === code)!;
const bell = async (u: TestUser) => u.session.ok('followup.notifications', {});
const kindOf = async (u: TestUser, itemId: number) => (await bell(u)).items.find((n) => n.itemId === itemId)?.kind ?? 'none';
const sweep = () => clerk.session.ok('followup.sweep', { filingId: null });

/** Conditional acceptance, all five units approve, the clerk issues the certificate. */
async function registeredConditional(): Promise<FilingView> {
  const accepted = await t.acceptedFiling({ conditional: true });
  let review = await clerk.session.ok('review.get', { filingId: accepted.id });
  for (const u of UNIT_CODES) review = await rv[u].session.ok('review.decide', decisionInput(review, u, 'approve'));
  expect(review.state).toBe('approved');
  await clerk.session.ok('certificate.issue', { filingId: accepted.id, version: review.filingVersion, idempotencyKey: newKey('issue') });
  return clerk.session.ok('filing.get', { id: accepted.id });
}

describe('deadlines and reminders on the working-day calendar', () => {
  it('missing papers get their deadlines across the make-up Sunday and National Day', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    // 10 working days from Mon 7 Sep ends on the make-up working Sunday 20 Sep; 20 reach past National Day to Sat 10 Oct.
    expect(item(view, 'staff').dueDate).toBe('2026-09-20');
    expect(item(view, 'emergency-plan').dueDate).toBe('2026-10-10');
  });

  it('walks an item from nothing to reminder (5), due soon (1), due today, overdue', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const staff = item(view, 'staff').id;
    expect(await kindOf(rv.yj, staff)).toBe('none');
    at('2026-09-14'); // 15,16,17,18 Sep and Sun 20 Sep: 5 working days left
    expect(await kindOf(rv.yj, staff)).toBe('reminder');
    expect((await bell(rv.yj)).counts.reminder).toBeGreaterThanOrEqual(1);
    at('2026-09-18'); // only the make-up Sunday left
    expect(await kindOf(rv.yj, staff)).toBe('dueSoon');
    at('2026-09-20');
    expect(await kindOf(rv.yj, staff)).toBe('dueSoon');
    at('2026-09-21');
    expect(await kindOf(rv.yj, staff)).toBe('overdue');
    // Other units do not see yj's items; the clerk and the observer see every unit.
    expect(await kindOf(rv.hb, staff)).toBe('none');
    expect(await kindOf(clerk, staff)).toBe('overdue');
    expect(await kindOf(await t.createUser('observer'), staff)).toBe('overdue');
    const listed = await rv.yj.session.ok('followup.list', {
      filingId: null,
      unit: 'yj',
      states: [],
      alertOnly: true,
      offset: 0,
      limit: 50,
    });
    expect(listed.rows.find((r) => r.id === staff)).toMatchObject({ alert: 'overdue', daysLeft: -1, filingNo: view.filingNo });
  });

  it('the emergency plan due Sat 10 Oct is only 3 working days away on 30 Sep, across National Day', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const plan = item(view, 'emergency-plan').id;
    at('2026-09-24');
    expect(await kindOf(rv.yj, plan)).toBe('none'); // 24 Sep → 10 Oct: 28, 29, 30 Sep, 8, 9, 10 Oct = 6
    at('2026-09-30');
    const row = (await bell(rv.yj)).items.find((n) => n.itemId === plan)!;
    expect(row).toMatchObject({ kind: 'reminder', daysLeft: 3 });
    at('2026-10-09');
    expect(await kindOf(rv.yj, plan)).toBe('dueSoon');
  });
});

describe('breach before registration', () => {
  it('terminates the filing the day after the missed deadline, with the reason, audited', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    at('2026-09-20');
    expect((await sweep()).actions).toEqual([]);
    at('2026-09-21');
    const result = await sweep();
    expect(result.actions).toEqual([
      { filingId: view.id, filingNo: view.filingNo, action: 'terminate', from: 'in_review', to: 'terminated', overdueSince: '2026-09-20' },
    ]);
    const after = await clerk.session.ok('filing.get', { id: view.id });
    expect(after.state).toBe('terminated');
    // What it still owed is no longer anyone's task, and says why.
    expect(after.trackedItems.every((i) => i.state === 'notApplied' && i.note.includes('2026-09-20'))).toBe(true);
    const trajectory = await clerk.session.ok('trajectory.get', { filingId: view.id });
    expect(trajectory.events.map((e) => e.kind)).toContain('followup.terminated');
    const audit = await t.query<{ actor_id: number | null; after: string }>(
      "SELECT actor_id, after FROM audit_log WHERE action = 'followup.escalate'",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({
      action: 'terminate',
      from: 'in_review',
      to: 'terminated',
      overdueSince: '2026-09-20',
      items: [expect.objectContaining({ dueDate: '2026-09-20' })],
    });
    // Running again changes nothing.
    expect((await sweep()).actions).toEqual([]);
  });

  it('a paper supplied on time is not a breach, even before the unit has checked it', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    await clerk.session.ok('followup.supply', { itemId: item(view, 'staff').id, note: '已补交', file: null });
    at('2026-09-21');
    expect((await sweep()).actions).toEqual([]);
    // Still the unit's move, shown until checked: as awaiting verification, not as overdue (domain §9).
    expect(await kindOf(rv.yj, item(view, 'staff').id)).toBe('awaitingVerification');
  });
});

describe('breach after registration', () => {
  it('suspends, then revokes after the grace period; the certificate follows', async () => {
    const view = await registeredConditional();
    expect(view.state).toBe('registered');
    const staff = item(view, 'staff').id;
    await clerk.session.ok('followup.supply', { itemId: staff, note: '人员名单已补交', file: null });
    await rv.yj.session.ok('followup.verify', { itemId: staff, note: '已回访核实' });

    at('2026-10-10'); // the make-up Saturday: due today, not yet overdue
    expect((await sweep()).actions).toEqual([]);
    at('2026-10-12');
    expect((await sweep()).actions).toMatchObject([
      { filingId: view.id, action: 'suspend', from: 'registered', to: 'suspended', overdueSince: '2026-10-10' },
    ]);
    let certs = await clerk.session.ok('certificate.forFiling', { filingId: view.id });
    expect(certs.certificates[0]).toMatchObject({ status: 'suspended', statusReason: expect.stringContaining('2026-10-10') });

    // The grace period counts from the suspension (12 Oct): 13–16, 19–23, 26 Oct are its 10 working days.
    at('2026-10-26');
    expect((await sweep()).actions).toEqual([]);
    at('2026-10-27');
    // The sweep shows what it will do, and revokes nothing the clerk has not confirmed.
    const preview = await clerk.session.ok('followup.sweepPreview', { filingId: null });
    expect(preview.actions).toMatchObject([{ filingId: view.id, action: 'revoke', from: 'suspended', to: 'revoked' }]);
    expect((await sweep()).actions).toEqual([]);
    expect((await clerk.session.ok('filing.get', { id: view.id })).state).toBe('suspended');
    const confirmed = await clerk.session.ok('followup.sweep', { filingId: null, revoke: [view.id] });
    expect(confirmed.actions).toMatchObject([{ filingId: view.id, action: 'revoke', from: 'suspended', to: 'revoked' }]);
    certs = await clerk.session.ok('certificate.forFiling', { filingId: view.id });
    expect(certs.certificates[0]).toMatchObject({ status: 'revoked' });
    expect((await clerk.session.ok('filing.get', { id: view.id })).state).toBe('revoked');
    const kinds = (await clerk.session.ok('trajectory.get', { filingId: view.id })).events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['followup.suspended', 'followup.revoked']));
  });

  it('a sweep that has not run for weeks suspends, and never revokes on the day it suspends', async () => {
    const view = await registeredConditional();
    at('2026-11-02');
    const confirmedBlindly = await clerk.session.ok('followup.sweep', { filingId: null, revoke: [view.id] });
    expect(confirmedBlindly.actions.map((a) => [a.filingId, a.action])).toEqual([[view.id, 'suspend']]);
    expect((await clerk.session.ok('filing.get', { id: view.id })).state).toBe('suspended');
  });

  it('a supply alone does not lift a suspension; the verifying unit closing (销号) every overdue item does', async () => {
    const view = await registeredConditional();
    at('2026-09-21');
    await sweep();
    expect((await clerk.session.ok('filing.get', { id: view.id })).state).toBe('suspended');
    const staff = item(view, 'staff').id;
    const plan = item(view, 'emergency-plan').id;
    await clerk.session.ok('followup.supply', { itemId: staff, note: '逾期后补交', file: null });
    await sweep();
    expect((await clerk.session.ok('filing.get', { id: view.id })).state).toBe('suspended');
    expect((await clerk.session.ok('certificate.forFiling', { filingId: view.id })).certificates[0]!.status).toBe('suspended');
    await rv.yj.session.ok('followup.verify', { itemId: staff, note: '已核实' });
    // The emergency plan is not due until 10 Oct: it never caused the suspension and does not hold it.
    expect(item(await clerk.session.ok('filing.get', { id: view.id }), 'emergency-plan')).toMatchObject({ id: plan, state: 'open' });
    const after = await clerk.session.ok('filing.get', { id: view.id });
    expect(after.state).toBe('registered');
    expect((await clerk.session.ok('certificate.forFiling', { filingId: view.id })).certificates[0]!.status).toBe('issued');
  });

  it('only clerks run the sweep or see its preview', async () => {
    expectError(await rv.yj.session.call('followup.sweep', { filingId: null }), 'FORBIDDEN');
    expectError(await rv.yj.session.call('followup.sweepPreview', { filingId: null }), 'FORBIDDEN');
    expectError(await (await t.createUser('observer')).session.call('followup.sweep', { filingId: null }), 'FORBIDDEN');
  });
});
