import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, expectError, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import type { UnitCode } from '../../src/shared/domain/units';
import type { ReviewView } from '../../src/shared/contract/review';

/** Rules of domain §6 held on the server, sent past the forms straight to dispatch. */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let view: ReviewView;
beforeEach(async () => {
  t = await createTestDesk({ lang: 'en' });
  rv = await reviewersByUnit(t);
  const filing = await t.acceptedFiling();
  view = await rv.yj.session.ok('review.get', { filingId: filing.id });
});
afterEach(() => t.close());

const decisionsOnFile = () => (t.desk.services.store.sqlite.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n;

describe('checklists are enforced by the server (domain §6)', () => {
  it('approve with an empty checklist is refused, with a message beside every item', async () => {
    const input = { ...decisionInput(view, 'yj', 'approve'), checklist: [] };
    const error = expectError(await rv.yj.session.call('review.decide', input), 'INVALID');
    const codes = decisionInput(view, 'yj', 'approve').checklist.map((c) => c.code);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(codes.map((c) => `checklist.${c}.result`).sort());
    expect(Object.values(error.fields ?? {})).toEqual(codes.map(() => 'Answer this item'));
    expect(decisionsOnFile()).toBe(0);
  });

  it('an invented item code is refused beside that code', async () => {
    const input = decisionInput(view, 'yj', 'approve');
    input.checklist.push({ code: 'made-up', result: 'pass', note: '' });
    const error = expectError(await rv.yj.session.call('review.decide', input), 'INVALID');
    expect(error.fields).toEqual({ 'checklist.made-up.code': '"made-up" is not an item of this unit\'s checklist' });
  });

  it('a fail without a note is refused; approve with a failed item is refused; revise with a noted fail is recorded', async () => {
    const failed = decisionInput(view, 'hb', 'revise', { failed: ['eia'] });
    failed.checklist.find((c) => c.code === 'eia')!.note = '';
    expect(expectError(await rv.hb.session.call('review.decide', failed), 'INVALID').fields).toEqual({
      'checklist.eia.note': 'A "fail" needs a note saying why',
    });
    const approve = decisionInput(view, 'hb', 'approve', { failed: ['eia'] });
    expect(expectError(await rv.hb.session.call('review.decide', approve), 'INVALID').fields).toEqual({
      'checklist.eia.result': 'Cannot approve with a failed item: choose approve with conditions or revise',
    });
    expect(decisionsOnFile()).toBe(0);
    await rv.hb.session.ok('review.decide', decisionInput(view, 'hb', 'revise', { failed: ['eia'], opinion: '补充环评批复' }));
    expect(decisionsOnFile()).toBe(1);
  });
});

describe('refusals on the record say what they were aimed at (domain §11)', () => {
  it('a decision refused for the wrong unit audits the filing and the section', async () => {
    expectError(await rv.hb.session.call('review.decide', decisionInput(view, 'yj', 'approve')), 'FORBIDDEN');
    const row = t.desk.services.store.sqlite
      .prepare("SELECT target, outcome FROM audit_log WHERE action = 'review.decide' ORDER BY seq DESC LIMIT 1")
      .get();
    expect(row).toEqual({ target: `filing:${view.filingId}/section:yj`, outcome: 'denied' });
  });
});

describe('re-deciding within a round (domain §6)', () => {
  it('a later decision replaces the earlier one while the round is open; the replaced one stays; a closed round never changes', async () => {
    view = await rv.gh.session.ok('review.decide', decisionInput(view, 'gh', 'approve'));
    view = await rv.gh.session.ok(
      'review.decide',
      decisionInput(view, 'gh', 'approveWithConditions', {
        conditions: [{ text: '完成规划核实', verifyingUnit: 'gh', dueDays: 10, blocks: 'hold' }],
      }),
    );
    const gh = () => view.sections.find((s) => s.section === 'gh')!;
    expect(gh().current).toMatchObject({ decision: 'approveWithConditions', round: 1 });
    expect(gh().history.map((h) => [h.round, h.decision])).toEqual([
      [1, 'approve'],
      [1, 'approveWithConditions'],
    ]);
    // Changing again withdraws the replaced decision's condition (never deleted: set "not applied").
    view = await rv.gh.session.ok('review.decide', decisionInput(view, 'gh', 'approve'));
    const items = (await rv.gh.session.ok('filing.get', { id: view.filingId })).trackedItems.filter((i) => i.kind === 'condition');
    expect(items.map((i) => [i.text, i.state])).toEqual([['完成规划核实', 'notApplied']]);

    for (const u of ['yj', 'hb', 'sp', 'yq'] as const) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    expect(view).toMatchObject({ state: 'approved' });
    expect(view.rounds[0]).toMatchObject({ outcome: 'approved' });
    // The round closed: nothing in it changes, by any unit.
    const late = decisionInput({ ...view, currentRound: 1 }, 'gh', 'revise', { failed: ['land-use'] });
    expectError(await rv.gh.session.call('review.decide', late), 'CONFLICT');
    expect(decisionsOnFile()).toBe(3 + 4);
  });
});
