import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  addWorkingDays,
  calendarYearStatus,
  dayNumber,
  fromDayNumber,
  officialCalendar as cal,
  toIsoDate,
  weekday,
  workingDaysBetween,
} from '../../src/shared/domain/calendar';

const require = createRequire(import.meta.url);
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(fromDayNumber(d));
  return out;
};

describe('official calendar', () => {
  it('Spring Festival 2026: 15–23 Feb off, Saturdays 14 and 28 Feb worked', () => {
    for (const d of days('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-02-28')).toBe(6);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-21')).toBe(false); // an ordinary Saturday inside the holiday
    expect(cal.isWorkingDay('2026-03-01')).toBe(false); // an ordinary Sunday
  });

  it('National Day 2026: 1–7 Oct off, Sunday 20 Sep and Saturday 10 Oct worked; Mid-Autumn 25 Sep off', () => {
    for (const d of days('2026-10-01', '2026-10-07')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(weekday('2026-09-20')).toBe(0);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-09-25')).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('agrees day by day with the chinese-days package for 2024–2026', () => {
    const cd = require('chinese-days') as { isWorkday(d: string): boolean };
    // chinese-days reads its dates in local time; only compare where its notion of the weekday matches ours.
    let compared = 0;
    for (const d of days('2024-01-01', '2026-12-31')) {
      if (new Date(`${d}T00:00:00Z`).getDay() !== weekday(d)) continue;
      expect(cal.isWorkingDay(d), d).toBe(cd.isWorkday(d));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('marks which years are official, provisional or unknown', () => {
    expect([2024, 2025, 2026].map(calendarYearStatus)).toEqual(['official', 'official', 'official']);
    expect(calendarYearStatus(2027)).toBe('provisional');
    expect(calendarYearStatus(2030)).toBe('unknown');
    expect(cal.isWorkingDay('2027-02-08')).toBe(false); // 春节 初三, statutory
    expect(cal.isWorkingDay('2030-07-01')).toBe(true); // a Monday in a year with no data
  });
});

describe('addWorkingDays', () => {
  it('n = 0 returns the same day, even on a holiday', () => {
    expect(addWorkingDays(cal, '2026-02-16', 0)).toBe('2026-02-16');
  });
  it('counts strictly after `from` and skips the Spring Festival, using the make-up Saturdays', () => {
    expect(addWorkingDays(cal, '2026-02-12', 1)).toBe('2026-02-13');
    expect(addWorkingDays(cal, '2026-02-12', 2)).toBe('2026-02-14'); // Saturday, a make-up working day
    expect(addWorkingDays(cal, '2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-14', 5)).toBe('2026-02-28'); // 24,25,26,27, then Saturday 28
  });
  it('crosses National Day 2026', () => {
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-09-18', 1)).toBe('2026-09-20'); // Sunday make-up day
    expect(addWorkingDays(cal, '2026-10-09', 1)).toBe('2026-10-10');
  });
  it('crosses year boundaries', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1)).toBe('2026-01-04'); // 1–3 Jan off, Sunday 4 Jan worked
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2024-12-31', 1)).toBe('2025-01-02');
  });
  it('counts backwards for negative n', () => {
    expect(addWorkingDays(cal, '2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-01-05', -1)).toBe('2026-01-04');
    expect(addWorkingDays(cal, '2026-01-04', -1)).toBe('2025-12-31');
  });
  it('rejects dates that do not exist and fractional counts', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '26-1-1', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-02-12', '2026-02-12')).toBe(0);
    expect(workingDaysBetween(cal, '2026-02-12', '2026-02-24')).toBe(3); // 13, 14 (Sat), 24
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-10')).toBe(3); // 8, 9, 10 (Sat)
    expect(workingDaysBetween(cal, '2025-12-31', '2026-01-05')).toBe(2); // 4 (Sun), 5
  });
  it('is negative when to < from', () => {
    expect(workingDaysBetween(cal, '2026-02-24', '2026-02-12')).toBe(-3);
    expect(workingDaysBetween(cal, '2026-01-05', '2025-12-31')).toBe(-2);
  });
  it('is the inverse of addWorkingDays for n >= 0 (property)', () => {
    const date = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-06-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 80 }), (from, n) => {
        const to = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, to)).toBe(n);
        if (n !== 0) expect(cal.isWorkingDay(to)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('going back |n| working days and forward n again returns to a working day (property)', () => {
    const date = fc.integer({ min: dayNumber('2024-02-01'), max: dayNumber('2027-06-30') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const back = addWorkingDays(cal, from, -n);
        expect(back < from).toBe(true);
        expect(cal.isWorkingDay(back)).toBe(true);
        expect(workingDaysBetween(cal, back, from)).toBe(cal.isWorkingDay(from) ? n : n - 1);
      }),
      { numRuns: 300 },
    );
  });
  it('is antisymmetric (property)', () => {
    const date = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(date, date, (a, b) => workingDaysBetween(cal, a, b) === -workingDaysBetween(cal, b, a)),
      { numRuns: 200 },
    );
  });
});

describe('toIsoDate', () => {
  it('uses the Shanghai date by default', () => {
    expect(toIsoDate(new Date('2026-02-14T15:59:59Z'))).toBe('2026-02-14');
    expect(toIsoDate(new Date('2026-02-14T16:00:00Z'))).toBe('2026-02-15');
    expect(toIsoDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
  it('honours another zone', () => {
    expect(toIsoDate(new Date('2026-02-14T16:00:00Z'), 'UTC')).toBe('2026-02-14');
    expect(toIsoDate(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });
});

describe('addMonths', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
    expect(addMonths('2026-05-05', 0)).toBe('2026-05-05');
  });
  it('rejects an impossible date', () => {
    expect(() => addMonths('2026-02-29', 1)).toThrow(RangeError);
  });
});
