import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, newKey, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { addWorkingDays, officialCalendar } from '../../src/shared/domain/calendar';
import type { UnitCode } from '../../src/shared/domain/units';
import type { ReviewView } from '../../src/shared/contract/review';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  rv = await reviewersByUnit(t);
  clerk = await t.clerk();
});
afterEach(() => t.close());

const holder = async (filingId: number) => (await clerk.session.ok('trajectory.get', { filingId })).summary;

describe('joint review: a full flow through the handlers', () => {
  it('five decide (one with conditions, one revise) → supplement → round 2 for the right units → approved', async () => {
    const events: string[] = [];
    t.desk.services.events.on('desk-event', (name: string) => events.push(name));
    const accepted = await t.acceptedFiling();
    const id = accepted.id;
    let view = await rv.yj.session.ok('review.get', { filingId: id });
    expect(view).toMatchObject({ state: 'in_review', currentRound: 1, supplementRequest: null });
    expect(view.rounds).toEqual([
      expect.objectContaining({ number: 1, units: ['yj', 'hb', 'gh', 'sp', 'yq'], outcome: 'pending', closedAt: null }),
    ]);
    expect(view.sections.every((s) => s.inRound && s.current === null)).toBe(true);
    expect(
      (
        await clerk.session.ok('filing.list', {
          query: '',
          states: [],
          parkId: null,
          unit: 'gh',
          overdueOnly: false,
          sort: 'updatedAt',
          dir: 'desc',
          limit: 50,
          offset: 0,
        })
      ).rows.map((r) => r.id),
    ).toContain(id);
    expect(await holder(id)).toMatchObject({ holder: null, reasonKey: 'traj.waitingUnits', params: { units: 'yj, hb, gh, sp, yq' } });

    const decide = async (u: UnitCode, d: Parameters<typeof decisionInput>[2], opts: Parameters<typeof decisionInput>[3] = {}) => {
      view = await rv[u].session.ok('review.decide', decisionInput(view, u, d, opts));
      return view;
    };
    const today = t.clock.today();
    await decide('yj', 'approveWithConditions', {
      conditions: [{ text: '试运行前完成应急演练', verifyingUnit: 'yq', dueDays: 10, blocks: 'hold' }],
    });
    t.clock.advance({ hours: 2 });
    await decide('hb', 'revise', { failed: ['eia'], opinion: '补充环评批复' });
    await decide('gh', 'approve');
    await decide('sp', 'approve');
    expect(view.state).toBe('in_review');
    expect(await holder(id)).toMatchObject({ holder: 'yq', reasonKey: 'traj.waitingUnit', params: { unit: 'yq' } });
    await decide('yq', 'approve');

    expect(view.state).toBe('supplement_requested');
    expect(view.rounds[0]).toMatchObject({ outcome: 'supplementRequested', closedAt: expect.any(String) });
    // The one notice asks only for what is asked of the applicant now: the revising unit's request and failed items.
    // yj's conditions are tracked after registration, not asked for in the supplement.
    expect(view.supplementRequest).toEqual([{ section: 'hb', opinion: '补充环评批复', failedItems: ['eia'], notes: { eia: 'fix eia' } }]);
    const filing = await clerk.session.ok('filing.get', { id });
    expect(filing.clock).toMatchObject({ step: 'review', paused: true });
    const condition = filing.trackedItems.find((i) => i.kind === 'condition')!;
    expect(condition).toMatchObject({
      text: '试运行前完成应急演练',
      verifyingUnit: 'yq',
      blocks: 'hold',
      state: 'open',
      dueDate: addWorkingDays(officialCalendar, today, 10),
    });
    expect(await holder(id)).toMatchObject({ holder: 'applicant', reasonKey: 'traj.waitingSupplement' });

    // The applicant supplies a new EIA document: hb (which checks it) and sp (which checks everything) see changed facts.
    t.clock.advance({ days: 3 });
    const supplied = await clerk.session.ok('material.attach', {
      filingId: id,
      version: filing.version,
      code: 'eia',
      file: { name: 'eia-v2.pdf', contentBase64: demoPdfBase64('EIA approval v2') },
    });
    view = await clerk.session.ok('review.get', { filingId: id });
    expect(view.sections.filter((s) => s.current?.stale).map((s) => s.section)).toEqual(['hb', 'sp']);
    view = await clerk.session.ok('review.recordSupplement', {
      filingId: id,
      version: supplied.version,
      note: '已补充环评批复',
      idempotencyKey: newKey('supply'),
    });
    expect(view).toMatchObject({ state: 'in_review', currentRound: 2, supplementRequest: null });
    expect(view.rounds[1]).toMatchObject({ number: 2, units: ['hb', 'sp'], outcome: 'pending' });
    expect(view.sections.filter((s) => s.inRound).map((s) => s.section)).toEqual(['hb', 'sp']);
    const hb = view.sections.find((s) => s.section === 'hb')!;
    expect(hb.current).toBeNull();
    expect(hb.carriedOver).toEqual([
      { round: 1, code: 'opinion', note: '补充环评批复' },
      { round: 1, code: 'eia', note: 'fix eia' },
    ]);
    // Units outside the round keep their round-1 decision.
    expect(view.sections.find((s) => s.section === 'yj')!.current).toMatchObject({
      round: 1,
      decision: 'approveWithConditions',
      stale: false,
    });
    const afterSupply = await clerk.session.ok('filing.get', { id });
    expect(afterSupply.clock?.paused).toBe(false);

    await decide('hb', 'approve');
    await decide('sp', 'approve');
    expect(view.state).toBe('approved');
    expect(view.rounds[1]).toMatchObject({ outcome: 'approvedWithConditions' });
    const approved = await clerk.session.ok('filing.get', { id });
    expect(approved.clock).toMatchObject({ step: 'certificate', dueDate: addWorkingDays(officialCalendar, t.clock.today(), 10) });
    expect(await holder(id)).toMatchObject({ holder: 'desk', reasonKey: 'traj.waitingCertificate' });
    // The condition survives the whole flow.
    expect(approved.trackedItems.filter((i) => i.kind === 'condition')).toHaveLength(1);
    expect(events.filter((e) => e === 'filing.changed').length).toBeGreaterThanOrEqual(8);
    expect(events.filter((e) => e === 'inbox.changed').length).toBeGreaterThanOrEqual(8);
  });

  it('a reject ends the review with its reasons; a conditional acceptance makes a plain approval "with conditions"', async () => {
    const a = await t.acceptedFiling();
    let view: ReviewView = await clerk.session.ok('review.get', { filingId: a.id });
    for (const u of ['yj', 'hb', 'gh', 'sp'] as const) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    view = await rv.yq.session.ok('review.decide', decisionInput(view, 'yq', 'reject', { opinion: '基地无空余中试位' }));
    expect(view.state).toBe('rejected');
    expect(view.rounds[0]!.outcome).toBe('rejected');
    const traj = await clerk.session.ok('trajectory.get', { filingId: a.id });
    expect(traj.events.find((e) => e.kind === 'review.rejected')).toBeTruthy();
    expect(traj.summary).toMatchObject({ holder: null, reasonKey: 'traj.final' });

    const c = await t.acceptedFiling({ conditional: true });
    view = await clerk.session.ok('review.get', { filingId: c.id });
    for (const u of ['yj', 'hb', 'gh', 'sp', 'yq'] as const)
      view = await rv[u].session.ok('review.decide', decisionInput(view, u, u === 'gh' ? 'notInvolved' : 'approve'));
    expect(view.state).toBe('approved');
    expect(view.rounds[0]!.outcome).toBe('approvedWithConditions');
  });

  it('an expert-review pause across a public holiday moves the due date by the paused working days only', async () => {
    // Accepted Monday 2026-09-21. Official 2026 calendar: Fri Sep 25 (Mid-Autumn) off; Oct 1, 2, 5, 6, 7 (National Day)
    // off; Sat Oct 10 a make-up working day.
    t.clock.set('2026-09-21T02:00:00Z');
    const a = await t.acceptedFiling();
    const start = '2026-09-21';
    const unpaused = addWorkingDays(officialCalendar, start, 20);
    let view = await clerk.session.ok('review.get', { filingId: a.id });
    const inbox = async () => (await rv.yj.session.ok('review.inbox', {})).find((r) => r.filingId === a.id)!;
    expect(await inbox()).toMatchObject({ dueDate: unpaused, daysLeft: 20, level: 'ok', sections: ['yj'] });

    t.clock.set('2026-09-29T02:00:00Z'); // Tuesday; (Sep 21, Sep 29] = 22, 23, 24, 28, 29: 5 working days
    expect((await inbox()).daysLeft).toBe(15);
    view = await clerk.session.ok('review.pauseClock', { filingId: a.id, version: view.filingVersion, pause: true, reason: '专家评审' });
    t.clock.set('2026-10-12T02:00:00Z'); // paused (Sep 29, Oct 12] = Sep 30, Oct 8, 9, 10 (Sat, worked), 12: 5 working days
    view = await clerk.session.ok('review.pauseClock', {
      filingId: a.id,
      version: view.filingVersion,
      pause: false,
      reason: '专家评审结束',
    });
    expect(view.state).toBe('in_review');
    const row = await inbox();
    expect(row.daysLeft).toBe(15);
    expect(row.dueDate).toBe(addWorkingDays(officialCalendar, '2026-10-12', 15));
    expect(row.dueDate).toBe('2026-11-02');
    expect(row.dueDate! > unpaused).toBe(true);
    const traj = await clerk.session.ok('trajectory.get', { filingId: a.id });
    expect(traj.clock).toMatchObject({ countedDays: 5, pausedDays: 5, dueDate: row.dueDate, level: 'ok' });
    const yjIntervals = traj.intervals.filter((i) => i.party === 'yj');
    expect(yjIntervals.map((i) => i.counted)).toEqual([true, false, true]);
    expect(traj.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['review.clockPaused', 'review.clockResumed']));

    // Overdue: walk past the due date; the inbox turns red and the trajectory flags the open unit intervals.
    t.clock.set(`${addWorkingDays(officialCalendar, row.dueDate!, 1)}T02:00:00Z`);
    expect(await inbox()).toMatchObject({ daysLeft: -1, level: 'red' });
    const late = await clerk.session.ok('trajectory.get', { filingId: a.id });
    expect(late.intervals.filter((i) => i.party === 'yj' && i.to === null).every((i) => i.overdue)).toBe(true);
    expect(late.events.some((e) => e.kind === 'overdue')).toBe(true);
  });
});
