import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDesk, decisionInput, listInput, newKey, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import type { UnitCode } from '../../src/shared/domain/units';

/**
 * Domain §7 "Paused time is not counted": there is one clock. After any sequence of pauses and resumes, the header,
 * the list row, the list's "overdue only" filter, the inbox, the CSV export and the trajectory map report the same
 * due date; a step paused before it ran out is never overdue while the pause lasts.
 */
let t: TestDesk;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
});
afterEach(() => t.close());

function csvDueDate(id: string, filingNo: string): string {
  const text = readFileSync(join(t.dir, 'exports', `${id}.csv`), 'utf8').slice(1);
  const rows = text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!));
  const col = rows[0]!.indexOf('当前环节期限');
  return rows.find((r) => r[0] === filingNo)![col]!;
}

/** Every place that shows the filing's clock, read through dispatch. */
async function everyPlace(filingId: number) {
  const view = await clerk.session.ok('filing.get', { id: filingId });
  const list = await clerk.session.ok('filing.list', listInput({ query: view.filingNo }));
  const overdue = await clerk.session.ok('filing.list', listInput({ query: view.filingNo, overdueOnly: true }));
  const inbox = (await clerk.session.ok('review.inbox', {})).find((r) => r.filingId === filingId);
  const traj = await clerk.session.ok('trajectory.get', { filingId });
  const out = await clerk.session.ok('export.create', { kind: 'filings', format: 'csv' });
  return {
    header: view.clock!,
    row: list.rows.find((r) => r.id === filingId)!,
    inFilter: overdue.rows.some((r) => r.id === filingId),
    inbox,
    traj: traj.clock,
    csv: csvDueDate(out.id, view.filingNo),
  };
}

function expectOneClock(p: Awaited<ReturnType<typeof everyPlace>>) {
  const due = p.header.dueDate;
  expect(p.row.dueDate).toBe(due);
  expect(p.traj.dueDate).toBe(due);
  expect(p.csv).toBe(due);
  expect(p.inFilter).toBe(p.header.daysLeft! < 0);
  expect(p.row.overdue).toBe(p.header.daysLeft! < 0);
  expect(p.traj.level === 'red').toBe(p.header.daysLeft! < 0);
  if (p.inbox) expect(p.inbox).toMatchObject({ dueDate: due, daysLeft: p.header.daysLeft });
}

describe('one clock (domain §7)', () => {
  it('random pauses and resumes: every place reports the same due date; paused in time is never overdue', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 5 }), async (steps) => {
        const filing = await t.acceptedFiling();
        let version = filing.version;
        let paused = false;
        let overdueWhenPaused = false;
        for (const [toggle, days] of steps) {
          if (toggle) {
            const before = (await clerk.session.ok('filing.get', { id: filing.id })).clock!;
            const view = await clerk.session.ok('review.pauseClock', { filingId: filing.id, version, pause: !paused, reason: '专家评审' });
            version = view.filingVersion;
            paused = !paused;
            overdueWhenPaused = before.daysLeft! < 0;
          }
          t.clock.advance({ days });
          const p = await everyPlace(filing.id);
          expectOneClock(p);
          expect(p.header.paused).toBe(paused);
          if (paused && !overdueWhenPaused) expect(p.header.daysLeft! >= 0 && !p.inFilter).toBe(true);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('waiting for the applicant for 57 working days: not overdue anywhere, the due date moved by every paused day', async () => {
    const rv: Record<UnitCode, TestUser> = await reviewersByUnit(t);
    const filing = await t.acceptedFiling();
    let view = await clerk.session.ok('review.get', { filingId: filing.id });
    t.clock.advance({ days: 2 });
    view = await rv.hb.session.ok('review.decide', decisionInput(view, 'hb', 'revise', { failed: ['eia'], opinion: '补充环评批复' }));
    for (const u of ['yj', 'gh', 'sp', 'yq'] as const) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    expect(view.state).toBe('supplement_requested');
    const atPause = await everyPlace(filing.id);
    t.clock.advance({ days: 80 });
    const later = await everyPlace(filing.id);
    expectOneClock(later);
    expect(later.header).toMatchObject({ paused: true, daysLeft: atPause.header.daysLeft });
    expect(later.header.dueDate! > atPause.header.dueDate!).toBe(true);
    expect(later.inFilter).toBe(false);

    // The supplement arrives: the clock runs again from where it stopped.
    view = await clerk.session.ok('review.recordSupplement', {
      filingId: filing.id,
      version: view.filingVersion,
      note: '已补交环评批复',
      idempotencyKey: newKey('supply'),
    });
    const resumed = await everyPlace(filing.id);
    expectOneClock(resumed);
    expect(resumed.header).toMatchObject({ paused: false, daysLeft: atPause.header.daysLeft, dueDate: later.header.dueDate });
  });
});
