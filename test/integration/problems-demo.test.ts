import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../helpers/desk';

/** Issue 11: the demo loads a dozen enterprise problems in every state, through the real handlers. */
let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk({ now: '2026-11-26T02:00:00Z' });
});
afterEach(() => t.close());

describe('demo problems', () => {
  it('hold every state, a paused, a red, a re-assigned, a reopened one and blockage causes, linked to the firms’ filings', async () => {
    await t.anonymous().ok('demo.load', {});
    const observer = await t.session('observer', 'demo-2026-desk');
    const all = await observer.ok('problem.list', {
      states: [],
      lead: null,
      category: null,
      grade: null,
      causeClass: null,
      causeUnit: null,
      overdueOnly: false,
      reassignedOnly: false,
      unsatisfiedOnly: false,
      mineOnly: false,
      offset: 0,
      limit: 50,
    });
    expect(all.total).toBe(12);
    expect(new Set(all.rows.map((r) => r.state))).toEqual(new Set(['new', 'dispatched', 'solved', 'closed']));
    expect(all.rows.every((r) => r.isDemo)).toBe(true);
    expect(all.rows.some((r) => r.level === 'red')).toBe(true);
    expect(all.rows.some((r) => r.level === 'yellow')).toBe(true);
    const view = await observer.ok('problem.blockages', {});
    expect(view.causes.map((c) => c.class).sort()).toEqual(['legacy', 'mechanism']);
    expect(view.unsatisfiedVisits).toBe(1);
    expect(view.reassignments.reduce((s, r) => s + r.n, 0)).toBe(1);
    const count = async (sql: string) => Number((await t.query<{ n: number | string }>(sql))[0]!.n);
    expect(await count('SELECT count(*) n FROM problem_pauses WHERE to_date IS NULL')).toBe(1);
    expect(await count('SELECT count(*) n FROM problems WHERE filing_id IS NOT NULL')).toBe(12);
    expect(await count('SELECT count(*) n FROM problem_assignments WHERE meeting_id IS NOT NULL')).toBe(1);
    // The demo load is hundreds of writes (on PostgreSQL each a round trip): slow on a loaded 2-core machine.
  }, 300_000);
});
