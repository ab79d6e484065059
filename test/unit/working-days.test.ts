/**
 * The table-driven working-day arithmetic (src/shared/domain/working-days.ts) gives the answers of the day-by-day
 * definitions, on the official calendar and on an odd one, over random spans within a day, across years and decades,
 * forwards and backwards.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  fromDayNumber,
  dayNumber,
  officialCalendar,
  workingDaysBetween,
  type WorkCalendar,
} from '../../src/shared/domain/calendar';

/** The definitions, one day at a time. */
function slowBetween(cal: WorkCalendar, from: string, to: string): number {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (cal.isWorkingDay(fromDayNumber(d))) count++;
  return count === 0 ? 0 : sign * count;
}
function slowAdd(cal: WorkCalendar, from: string, n: number): string {
  let day = dayNumber(from);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (cal.isWorkingDay(fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/** Working on every third day only, Sundays included: nothing like a week. */
const odd: WorkCalendar = { isWorkingDay: (d) => dayNumber(d) % 3 === 0 };

// A small seeded generator, so a failure names the case and repeats.
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe.each([
  ['official', officialCalendar],
  ['every third day', odd],
])('working days on the %s calendar', (_name, cal) => {
  const r = rng(20261130);
  const day = (from: string, span: number) => fromDayNumber(dayNumber(from) + Math.floor(r() * span));
  const cases = Array.from({ length: 400 }, (_, i) => {
    const a = day('2018-01-01', 365 * 12);
    const span = [3, 40, 400, 4000][i % 4]!;
    return { a, b: day(fromDayNumber(dayNumber(a) - span / 2), span), n: Math.floor(r() * span) - Math.floor(span / 4) };
  });

  it('counts working days between two dates as the day-by-day count does', () => {
    for (const { a, b } of cases) expect([a, b, workingDaysBetween(cal, a, b)]).toEqual([a, b, slowBetween(cal, a, b)]);
    expect(Object.is(workingDaysBetween(cal, '2026-10-03', '2026-10-03'), 0)).toBe(true);
  });

  it('finds the n-th working day after and before a date as stepping day by day does', () => {
    for (const { a, n } of cases) expect([a, n, addWorkingDays(cal, a, n)]).toEqual([a, n, slowAdd(cal, a, n)]);
    for (const a of ['2025-12-31', '2026-01-01', '2024-02-29', '2026-10-01'])
      for (const n of [-400, -2, -1, 0, 1, 2, 250, 260, 1000])
        expect([a, n, addWorkingDays(cal, a, n)]).toEqual([a, n, slowAdd(cal, a, n)]);
  });
});
