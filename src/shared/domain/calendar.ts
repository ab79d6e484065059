/**
 * Working-day arithmetic on the official Chinese calendar (domain §5, §7): public holidays and the official
 * make-up working days (调休) both matter, so a deadline of "10 working days" can cross a Saturday that is worked.
 * Dates are ISO strings 'YYYY-MM-DD' and all arithmetic is done on UTC day numbers, so the local time zone of the
 * machine never shifts a date.
 */
import { HOLIDAY_TABLES, type YearTable } from './holidays-data';
import { countBetween, nthAfter, nthBefore } from './working-days';

export type IsoDate = string;

export interface WorkCalendar {
  isWorkingDay(d: IsoDate): boolean;
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01. Throws on anything that is not a real calendar date. */
export function dayNumber(d: IsoDate): number {
  const m = ISO.exec(d);
  if (!m) throw new RangeError(`not an ISO date: ${d}`);
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, da);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da) {
    throw new RangeError(`not a calendar date: ${d}`);
  }
  return t / DAY_MS;
}

export function isIsoDate(d: unknown): d is IsoDate {
  if (typeof d !== 'string') return false;
  try {
    dayNumber(d);
    return true;
  } catch {
    return false;
  }
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(d: IsoDate): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

/** Builds a calendar from exception tables; years without a table follow the plain Monday–Friday week. */
export function calendarFromTables(tables: Readonly<Record<number, YearTable>>): WorkCalendar {
  const off = new Set<string>();
  const work = new Set<string>();
  for (const t of Object.values(tables)) {
    t.off.forEach((d) => off.add(d));
    t.work.forEach((d) => work.add(d));
  }
  return {
    isWorkingDay(d) {
      if (work.has(d)) return true;
      if (off.has(d)) return false;
      const w = weekday(d);
      return w !== 0 && w !== 6;
    },
  };
}

export const officialCalendar: WorkCalendar = calendarFromTables(HOLIDAY_TABLES);

/**
 * Whether the year's holidays come from a published State Council notice, a provisional table (statutory days
 * only), or nothing at all (weekends only). The desk shows a warning for anything but 'official'.
 */
export function calendarYearStatus(year: number): 'official' | 'provisional' | 'unknown' {
  return HOLIDAY_TABLES[year]?.status ?? 'unknown';
}

/**
 * The n-th working day strictly after `from` (n ≥ 1); n = 0 returns `from`. Negative n gives the |n|-th working day
 * strictly before `from` (so it is the inverse of workingDaysBetween only for n ≥ 0).
 */
export function addWorkingDays(cal: WorkCalendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  if (n === 0) return fromDayNumber(dayNumber(from));
  return fromDayNumber(n > 0 ? nthAfter(cal, dayNumber(from), n) : nthBefore(cal, dayNumber(from), -n));
}

/** Working days in (from, to]; negative (the count in (to, from]) when to < from. */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const count = a <= b ? countBetween(cal, a, b) : -countBetween(cal, b, a);
  return count === 0 ? 0 : count;
}

// Building an Intl formatter costs far more than using one, and every request asks for today's date.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}

/** The calendar date of an instant in a time zone (default: the desk's, Asia/Shanghai). */
export function toIsoDate(d: Date, timeZone = 'Asia/Shanghai'): IsoDate {
  const parts = dateFormatter(timeZone).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Calendar months; a day that does not exist in the target month is clamped to its last day (01-31 + 1 → 02-28). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  dayNumber(d);
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const td = Math.min(day, last);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}
