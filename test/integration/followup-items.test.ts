/** Issue 6: supply, verify (销号) and not-applied through dispatch; who may verify; the run period; the dashboard. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionInput, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { reviewDesk } from '../helpers/review-desk';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

async function approveAndRegister(filingId: number) {
  let review = await clerk.session.ok('review.get', { filingId });
  for (const u of UNIT_CODES) review = await rv[u].session.ok('review.decide', decisionInput(review, u, 'approve'));
  await clerk.session.ok('certificate.issue', { filingId, version: review.filingVersion, idempotencyKey: newKey('issue') });
  return clerk.session.ok('filing.get', { id: filingId });
}

describe('tracked items', () => {
  it('only a reviewer of the verifying unit closes an item; every other try is refused and audited', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const staff = view.trackedItems.find((i) => i.materialCode === 'staff')!;
    expect(staff.verifyingUnit).toBe('yj');
    // Not supplied yet: a missing paper cannot be closed.
    expectError(await rv.yj.session.call('followup.verify', { itemId: staff.id, note: '回访' }), 'CONFLICT');
    const supplied = await clerk.session.ok('followup.supply', {
      itemId: staff.id,
      note: '企业补交人员名单',
      file: { name: '人员名单.pdf', contentBase64: demoPdfBase64('staff') },
    });
    expect(supplied).toMatchObject({
      state: 'supplied',
      note: '企业补交人员名单',
      attachments: [expect.objectContaining({ name: '人员名单.pdf', mime: 'application/pdf' })],
    });

    const deniedCount = async () => (await t.query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE outcome = 'denied'"))[0]!.n;
    const denied = await deniedCount();
    for (const u of ['hb', 'gh', 'sp', 'yq'] as const)
      expectError(await rv[u].session.call('followup.verify', { itemId: staff.id, note: '越权' }), 'FORBIDDEN');
    expectError(await clerk.session.call('followup.verify', { itemId: staff.id, note: '越权' }), 'FORBIDDEN');
    expectError(await (await t.createUser('observer')).session.call('followup.verify', { itemId: staff.id, note: '越权' }), 'FORBIDDEN');
    expectError(await (await t.setupAdmin()).session.call('followup.notApplied', { itemId: staff.id, reason: '越权' }), 'FORBIDDEN');
    expectError(await rv.hb.session.call('followup.notApplied', { itemId: staff.id, reason: '越权' }), 'FORBIDDEN');
    expect(await deniedCount()).toBe(denied + 8);
    // A return-visit note is required.
    expectError(await rv.yj.session.call('followup.verify', { itemId: staff.id, note: '' }), 'INVALID');
    // Behind the handler, the database refuses a close by anyone else too.
    await expect(t.query("UPDATE tracked_items SET state = 'closed', closed_by = ? WHERE id = ?", rv.hb.id, staff.id)).rejects.toThrow(
      /FORBIDDEN/,
    );

    const closed = await rv.yj.session.ok('followup.verify', { itemId: staff.id, note: '已回访核实' });
    expect(closed).toMatchObject({ state: 'closed', note: '已回访核实', closedBy: 'reviewer-yj 1', alert: 'none' });
    expectError(await rv.yj.session.call('followup.verify', { itemId: staff.id, note: '再次' }), 'CONFLICT');
  });

  it('closing the last open item lifts the hold (event) and moves the filing version on', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const [a, b] = view.trackedItems;
    await clerk.session.ok('followup.supply', { itemId: a!.id, note: '', file: null });
    await rv.yj.session.ok('followup.verify', { itemId: a!.id, note: '核实' });
    await rv.yj.session.ok('followup.notApplied', { itemId: b!.id, reason: '项目调整后不再需要' });
    const after = await clerk.session.ok('filing.get', { id: view.id });
    expect(after.version).toBeGreaterThan(view.version);
    expect(after.trackedItems.map((i) => i.state).sort()).toEqual(['closed', 'notApplied']);
    const kinds = (await clerk.session.ok('trajectory.get', { filingId: view.id })).events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'followup.allClosed')).toHaveLength(1);
    // Nothing left on the list's overdue column.
    const row = (
      await clerk.session.ok('filing.list', {
        query: view.filingNo,
        states: [],
        parkId: null,
        unit: null,
        overdueOnly: false,
        sort: 'updatedAt',
        dir: 'desc',
        limit: 10,
        offset: 0,
      })
    ).rows[0]!;
    expect(row.itemDueDates).toEqual([]);
  });

  it('lists per unit, per filing and overall', async () => {
    const one = await t.acceptedFiling({ conditional: true });
    const two = await t.acceptedFiling({ conditional: true });
    const list = (input: Partial<Parameters<TestUser['session']['ok']>[1]>) =>
      clerk.session.ok('followup.list', {
        filingId: null,
        unit: null,
        states: [],
        alertOnly: false,
        offset: 0,
        limit: 100,
        ...(input as object),
      });
    expect((await list({})).total).toBe(4);
    expect((await list({ filingId: two.id })).rows.map((r) => r.filingId)).toEqual([two.id, two.id]);
    expect((await list({ unit: 'yj' })).total).toBe(4);
    expect((await list({ unit: 'hb' })).total).toBe(0);
    await clerk.session.ok('followup.supply', { itemId: one.trackedItems[0]!.id, note: '', file: null });
    expect((await list({ states: ['supplied'] })).rows.map((r) => r.id)).toEqual([one.trackedItems[0]!.id]);
  });
});

describe('run period', () => {
  it('extends once within the limit (re-issuing the certificate) and closes with a report', async () => {
    const accepted = await t.acceptedFiling();
    const view = await approveAndRegister(accepted.id);
    let period = await clerk.session.ok('followup.runPeriod', { filingId: view.id });
    expect(period).toMatchObject({
      start: view.fields.project.plannedStart,
      end: view.fields.project.plannedEnd,
      extension: null,
      maxExtensionMonths: 12,
    });
    expectError(
      await clerk.session.call('followup.extend', { filingId: view.id, version: view.version, months: 13, reason: '太长' }),
      'INVALID',
    );
    period = await clerk.session.ok('followup.extend', { filingId: view.id, version: view.version, months: 6, reason: '补充季节性数据' });
    expect(period.extension).toMatchObject({ months: 6, reason: '补充季节性数据' });
    expect(period.end! > view.fields.project.plannedEnd).toBe(true);
    const certs = (await clerk.session.ok('certificate.forFiling', { filingId: view.id })).certificates;
    expect(certs.map((c) => c.status).sort()).toEqual(['issued', 'superseded']);
    expectError(
      await clerk.session.call('followup.extend', { filingId: view.id, version: period.version, months: 1, reason: '再次' }),
      'CONFLICT',
    );

    expectError(
      await clerk.session.call('followup.close', {
        filingId: view.id,
        version: period.version,
        how: 'sealed',
        report: { name: 'x.txt', contentBase64: Buffer.from('plain').toString('base64') },
      }),
      'INVALID',
    );
    period = await clerk.session.ok('followup.close', {
      filingId: view.id,
      version: period.version,
      how: 'sealed',
      report: { name: '封存报告.pdf', contentBase64: demoPdfBase64('closure') },
    });
    expect(period).toMatchObject({ filingState: 'closed', closure: { how: 'sealed', reportName: '封存报告.pdf' } });
    // The certificate of a closed pilot no longer verifies as in force.
    const current = (await clerk.session.ok('certificate.forFiling', { filingId: view.id })).certificates.find(
      (c) => c.status === 'issued',
    )!;
    const verdict = await clerk.session.ok('certificate.verify', { code: current.verificationCode });
    expect(verdict).toMatchObject({ result: 'invalid', reason: 'closed' });
  });
});

describe('dashboard', () => {
  it('counts states, times steps and units in working days, and names the unit cases wait for', async () => {
    const a = await t.acceptedFiling();
    t.clock.advance({ days: 7 }); // Mon 2 Mar → Mon 9 Mar: 5 working days
    let review = await clerk.session.ok('review.get', { filingId: a.id });
    for (const u of ['hb', 'gh', 'sp', 'yq'] as const)
      review = await rv[u].session.ok('review.decide', decisionInput(review, u, 'approve'));
    t.clock.advance({ days: 7 });
    await t.acceptedFiling({ conditional: true });
    const d = await rv.gh.session.ok('dashboard.get', { months: 12 });
    expect(d.total).toBe(2);
    expect(d.byState.find((s) => s.state === 'in_review')!.n).toBe(2);
    expect(d.units.find((u) => u.unit === 'hb')).toMatchObject({ n: 1, median: 5, p90: 5 });
    // yj has held the first filing 10 working days and the second 0: it is where cases wait.
    expect(d.units.find((u) => u.unit === 'yj')).toMatchObject({ n: 0, waitingNow: 2, waitingMax: 10 });
    expect(d.bottleneck).toMatchObject({ unit: 'yj', basis: 'waiting', waitingNow: 2, waitingDays: 10, median: 0 });
    expect(d.steps.find((s) => s.step === 'acceptance')).toMatchObject({ n: 2, median: 0 });
    expect(d.perMonth.at(-1)).toMatchObject({ month: '2026-03', submitted: 2, accepted: 2 });
    expect(d.overdueByUnit.find((u) => u.unit === 'yj')).toMatchObject({ open: 2, overdue: 0 });
  });
});
