/**
 * Counting working days by table instead of day by day. A clock far past its date used to test every day between
 * (a Date built and formatted per day: ~1.3 ms for a step two years overdue, 65 ms for a list page of them). Here each
 * calendar gets, lazily and per year, the running count of its working days through each day of the year; a count
 * over any span is then a difference of two such entries plus whole years between, and the n-th working day is a
 * search in one year's table. The answers are those of the day-by-day definitions (test/unit/working-days.test.ts
 * compares them on random spans); any WorkCalendar works, since the tables are built by asking it.
 */
import type { WorkCalendar } from './calendar';

const DAY_MS = 86_400_000;
/** year → running count: table[i] = working days among days 0..i of the year. */
const tables = new WeakMap<WorkCalendar, Map<number, Int16Array>>();

const jan1 = (y: number) => Date.UTC(y, 0, 1) / DAY_MS;
const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function yearTable(cal: WorkCalendar, y: number): Int16Array {
  let years = tables.get(cal);
  if (!years) tables.set(cal, (years = new Map()));
  let t = years.get(y);
  if (!t) {
    const start = jan1(y);
    t = new Int16Array(jan1(y + 1) - start);
    let count = 0;
    for (let i = 0; i < t.length; i++) t[i] = count += cal.isWorkingDay(isoOf(start + i)) ? 1 : 0;
    years.set(y, t);
  }
  return t;
}

/** The year of a day number and the day's index in it. */
function place(n: number): [year: number, index: number] {
  const y = new Date(n * DAY_MS).getUTCFullYear();
  return [y, n - jan1(y)];
}

/** Working days in (a, b] for day numbers a ≤ b. */
export function countBetween(cal: WorkCalendar, a: number, b: number): number {
  const [ya, ia] = place(a);
  const [yb, ib] = place(b);
  let count = yearTable(cal, yb)[ib]! - yearTable(cal, ya)[ia]!;
  for (let y = ya; y < yb; y++) {
    const t = yearTable(cal, y);
    count += t[t.length - 1]!;
  }
  return count;
}

/** The day number of the n-th working day strictly after day number `from` (n ≥ 1). */
export function nthAfter(cal: WorkCalendar, from: number, n: number): number {
  let [y, i] = place(from);
  let t = yearTable(cal, y);
  // Wanted: the first index whose running count reaches `target` in year y, moving on a year at a time.
  let target = t[i]! + n;
  while (t[t.length - 1]! < target) {
    target -= t[t.length - 1]!;
    y += 1;
    t = yearTable(cal, y);
    i = -1;
  }
  return jan1(y) + firstReaching(t, target, i + 1);
}

/** The day number of the n-th working day strictly before day number `from` (n ≥ 1). */
export function nthBefore(cal: WorkCalendar, from: number, n: number): number {
  const [start, i] = place(from);
  let y = start;
  let t = yearTable(cal, y);
  // Working days before `from` in its year: t[i - 1]; the n-th before is the one whose running count is that − n + 1.
  let target = (i > 0 ? t[i - 1]! : 0) - n + 1;
  while (target < 1) {
    y -= 1;
    t = yearTable(cal, y);
    target += t[t.length - 1]!;
  }
  return jan1(y) + firstReaching(t, target, 0);
}

/** The first index ≥ lo whose running count is at least `target` (binary search: the counts never go down). */
function firstReaching(t: Int16Array, target: number, lo: number): number {
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
