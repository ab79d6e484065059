import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, expectOk, newKey, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import { DEMO_TARGETS } from '../../src/main/demo/plan';
import type { UnitCode } from '../../src/shared/domain/units';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(() => t.close());

const open = (traj: { intervals: { party: string; to: string | null }[] }) =>
  traj.intervals.filter((i) => i.to === null).map((i) => i.party);

describe('trajectory: who holds the case at each step', () => {
  beforeEach(async () => {
    rv = await reviewersByUnit(t);
    clerk = await t.clerk();
  });

  it('desk → applicant (correction) → desk → the five units → one unit → desk (certificate)', async () => {
    const traj = (id: number) => clerk.session.ok('trajectory.get', { filingId: id });
    let filing = await t.newSubmittedFiling();
    let tr = await traj(filing.id);
    expect(tr.summary).toMatchObject({ step: 'acceptance', holder: 'desk', reasonKey: 'traj.waitingAcceptance', sinceDays: 0 });
    expect(open(tr)).toEqual(['desk']);
    expect(tr.lanes).toEqual(['applicant', 'desk', 'yj', 'hb', 'gh', 'sp', 'yq']);
    expect(tr.events.map((e) => [e.kind, e.party])).toEqual([
      ['created', 'desk'],
      ['submitted', 'applicant'],
    ]);

    t.clock.advance({ days: 1 });
    filing = await clerk.session.ok('acceptance.decide', {
      filingId: filing.id,
      version: filing.version,
      decision: 'correction',
      reason: '',
      corrections: ['申请表需法定代表人签字'],
      deadlines: [],
      idempotencyKey: newKey('corr'),
    });
    tr = await traj(filing.id);
    expect(tr.summary).toMatchObject({ holder: 'applicant', reasonKey: 'traj.waitingCorrection' });
    expect(open(tr)).toEqual(['applicant']);

    t.clock.advance({ days: 7 }); // returned Tue 3 March, now Tue 10 March: (3, 10] = 4, 5, 6, 9, 10 → 5 working days
    expect((await traj(filing.id)).summary.sinceDays).toBe(5);
    filing = await clerk.session.ok('filing.submit', { id: filing.id, version: filing.version });
    expect(open(await traj(filing.id))).toEqual(['desk']);
    filing = await clerk.session.ok('acceptance.decide', {
      filingId: filing.id,
      version: filing.version,
      decision: 'accept',
      reason: '',
      corrections: [],
      deadlines: [],
      idempotencyKey: newKey('acc'),
    });
    tr = await traj(filing.id);
    expect(open(tr)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    expect(tr.summary).toMatchObject({ step: 'review', holder: null, reasonKey: 'traj.waitingUnits' });
    expect(tr.clock).toMatchObject({ countedDays: 0, pausedDays: 0, level: 'ok' });

    let view = await clerk.session.ok('review.get', { filingId: filing.id });
    for (const u of ['yj', 'hb', 'gh', 'sp'] as const) {
      t.clock.advance({ days: 1 });
      view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    }
    tr = await traj(filing.id);
    expect(open(tr)).toEqual(['yq']);
    expect(tr.summary).toMatchObject({ holder: 'yq', reasonKey: 'traj.waitingUnit', params: expect.objectContaining({ unit: 'yq' }) });
    const yj = tr.intervals.filter((i) => i.party === 'yj');
    expect(yj).toHaveLength(1);
    expect(yj[0]).toMatchObject({ counted: true, overdue: false, to: view.sections[0]!.current!.decidedAt });
    expect(tr.events.filter((e) => e.kind === 'review.decided').map((e) => e.party)).toEqual(['yj', 'hb', 'gh', 'sp']);

    view = await rv.yq.session.ok('review.decide', decisionInput(view, 'yq', 'approve'));
    tr = await traj(filing.id);
    expect(open(tr)).toEqual(['desk']);
    expect(tr.summary).toMatchObject({ step: 'certificate', holder: 'desk', reasonKey: 'traj.waitingCertificate' });
    expect(tr.intervals.filter((i) => i.party === 'applicant').map((i) => i.label)).toEqual(['traj.step.correction']);
  });

  it('a unit whose earlier decision turns stale during a later round rejoins it and holds the case again', async () => {
    const filing = await t.acceptedFiling();
    let view = await clerk.session.ok('review.get', { filingId: filing.id });
    for (const u of ['yj', 'hb', 'gh', 'sp', 'yq'] as const)
      view = await rv[u].session.ok('review.decide', decisionInput(view, u, u === 'yj' ? 'revise' : 'approve'));
    view = await clerk.session.ok('review.recordSupplement', {
      filingId: filing.id,
      version: view.filingVersion,
      note: '',
      idempotencyKey: newKey('s'),
    });
    expect(view.rounds[1]!.units).toEqual(['yj']);
    const f = await clerk.session.ok('filing.get', { id: filing.id });
    const fields = structuredClone(f.fields);
    // The legal representative is printed on the certificate: every unit covers it (domain §6).
    fields.applicant.legalRepresentative = '王五';
    t.clock.advance({ days: 1 });
    await clerk.session.ok('filing.update', { id: filing.id, version: f.version, fields });
    view = await clerk.session.ok('review.get', { filingId: filing.id });
    expect(view.rounds[1]!.units).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    const tr = await clerk.session.ok('trajectory.get', { filingId: filing.id });
    expect(open(tr)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    const hbOpen = tr.intervals.find((i) => i.party === 'hb' && i.to === null)!;
    expect(hbOpen.from).toBe(t.clock().toISOString());
    expect((await rv.hb.session.ok('review.inbox', {}))[0]).toMatchObject({ filingId: filing.id, round: 2, staleSections: ['hb'] });
  });
});

describe('demo stage', () => {
  it('moves demo filings through review to their targets', async () => {
    const loaded = expectOk(await t.anonymous().call('demo.load', {}));
    expect(loaded.filings).toBe(DEMO_TARGETS.length);
    const clerkSession = await t.session('clerk', 'demo-2026-desk');
    const { rows } = await clerkSession.ok('filing.list', {
      query: '',
      states: [],
      parkId: null,
      unit: null,
      overdueOnly: false,
      sort: 'submittedAt',
      dir: 'asc',
      limit: 100,
      offset: 0,
    });
    // The loader creates them in the order of DEMO_TARGETS (ids ascend); their numbers restart each year, and the demo
    // spans a new year whenever it is loaded early in one.
    const inOrder = [...rows].sort((a, b) => a.id - b.id);
    const reached = (target: string) => inOrder.filter((_, i) => DEMO_TARGETS[i] === target).map((r) => r.state);
    expect(reached('supplement_requested').every((s) => s === 'supplement_requested')).toBe(true);
    expect(reached('rejected')).toEqual(['rejected']);
    expect(reached('in_review').every((s) => s === 'in_review')).toBe(true);
    // Everything past review is at least approved (later stages may carry it further).
    for (const target of ['approved', 'approved:conditional', 'registered', 'closed'])
      for (const s of reached(target)) expect(['approved', 'registered', 'suspended', 'revoked', 'terminated', 'closed']).toContain(s);
  });
});
