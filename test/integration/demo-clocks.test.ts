import { afterEach, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../helpers/desk';
import { loadSettings } from '../../src/main/db/settings';

/**
 * Issue 14 point 13: the demo is dated from the day it is loaded (the desk's clock), so whichever day a newcomer opens
 * it they see the same realistic desk: open cases on time, due soon (yellow), overdue (red) and paused.
 */
let t: TestDesk | undefined;
afterEach(() => t?.close());

type Status = 'ok' | 'yellow' | 'red' | 'paused';

/** Loads the demo on a desk whose clock reads `now`; counts the open filings by their header clock's status. */
async function clockMix(now: string): Promise<Record<Status, number>> {
  const desk = (t = await createTestDesk({ now }));
  await desk.anonymous().ok('demo.load', {});
  const observer = await desk.session('observer', 'demo-2026-desk');
  const ids = await desk.query<{ id: number }>('SELECT id FROM filings WHERE step IS NOT NULL AND due_date IS NOT NULL ORDER BY id');
  const { warningDays } = (await loadSettings(desk.desk.services.store.db)).timeLimits;
  const mix: Record<Status, number> = { ok: 0, yellow: 0, red: 0, paused: 0 };
  for (const { id } of ids) {
    const { clock } = await observer.ok('filing.get', { id: Number(id) });
    if (!clock || clock.daysLeft === null) continue;
    mix[clock.paused ? 'paused' : clock.daysLeft < 0 ? 'red' : clock.daysLeft <= warningDays ? 'yellow' : 'ok']++;
  }
  // Nothing the demo did is dated after the moment it was loaded.
  const [latest] = await desk.query<{ at: string }>('SELECT max(at) AS at FROM filing_events');
  expect(Date.parse(latest!.at)).toBeLessThanOrEqual(Date.parse(now));
  t = undefined;
  await desk.close();
  return mix;
}

describe('demo data dated from the day it is loaded', () => {
  it('gives the same mix of on-time, yellow, red and paused cases on two different days', { timeout: 600_000 }, async () => {
    const november = await clockMix('2026-11-26T02:00:00Z');
    for (const status of ['ok', 'yellow', 'red', 'paused'] as const) expect(november[status], status).toBeGreaterThan(0);
    // Not every case overdue: the open cases are mostly running, as on a real desk.
    expect(november.red).toBeLessThan(november.ok + november.yellow + november.paused);
    const june = await clockMix('2026-06-15T06:30:00Z');
    expect(june).toEqual(november);
  });
});
