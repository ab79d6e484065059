import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockToday, isOverdue, stepClock, storedClock, type Pause } from '../../src/shared/domain/clock';
import {
  addWorkingDays,
  dayNumber,
  fromDayNumber,
  officialCalendar as calendar,
  workingDaysBetween,
} from '../../src/shared/domain/calendar';

const clock = (start: string, today: string, pauses: Pause[] = [], limitDays = 20, warningDays = 3) =>
  stepClock({ start, limitDays, pauses, today, warningDays, calendar });

// Review opened Monday 28 Sep 2026, just before National Day (1–7 Oct off; Saturday 10 Oct worked).
const START = '2026-09-28';

describe('stepClock without pauses', () => {
  it('counts 20 working days across National Day', () => {
    // 29, 30 Sep; 8, 9, 10 (Sat), 12–16, 19–23, 26–30 Oct
    expect(clock(START, START)).toEqual({ dueDate: '2026-10-30', usedDays: 0, pausedDays: 0, daysLeft: 20, paused: false, level: 'ok' });
    expect(clock(START, '2026-10-07')).toMatchObject({ usedDays: 2, daysLeft: 18 });
    expect(clock(START, '2026-10-10')).toMatchObject({ usedDays: 5, daysLeft: 15 });
  });
  it('turns yellow at warningDays or fewer left, red once overdue', () => {
    expect(clock(START, '2026-10-26')).toMatchObject({ daysLeft: 4, level: 'ok' });
    expect(clock(START, '2026-10-27')).toMatchObject({ daysLeft: 3, level: 'yellow' });
    expect(clock(START, '2026-10-30')).toMatchObject({ daysLeft: 0, level: 'yellow' });
    expect(clock(START, '2026-10-31')).toMatchObject({ daysLeft: 0, level: 'yellow' }); // Saturday: not a working day
    expect(clock(START, '2026-11-02')).toMatchObject({ daysLeft: -1, level: 'red', usedDays: 21 });
  });
  it('before the step starts nothing is used', () => {
    expect(clock(START, '2026-09-01')).toMatchObject({ usedDays: 0, daysLeft: 20, dueDate: '2026-10-30' });
  });
});

describe('stepClock with pauses across a public holiday', () => {
  // Supplement requested 29 Sep, received 9 Oct: paused working days are 30 Sep, 8 and 9 Oct (the holiday costs nothing).
  const pause: Pause = { from: '2026-09-29', to: '2026-10-09', reason: '等待申请人补充材料' };

  it('an open pause stops the clock and is running today', () => {
    expect(clock(START, '2026-10-09', [{ ...pause, to: null }])).toEqual({
      dueDate: '2026-11-04',
      usedDays: 1,
      pausedDays: 3,
      daysLeft: 19,
      paused: true,
      level: 'ok',
    });
    // While paused, the days left do not move and the due date keeps sliding.
    expect(clock(START, '2026-10-12', [{ ...pause, to: null }])).toMatchObject({
      usedDays: 1,
      pausedDays: 5,
      daysLeft: 19,
      dueDate: '2026-11-06',
    });
  });
  it('a closed pause pushes the due date by its working days', () => {
    expect(clock(START, '2026-10-15', [pause])).toEqual({
      dueDate: '2026-11-04', // 30 Oct + 3 working days
      usedDays: 6, // 29 Sep; 10 (Sat), 12, 13, 14, 15 Oct
      pausedDays: 3,
      daysLeft: 14,
      paused: false,
      level: 'ok',
    });
  });
  it('a pause that started today is already in force; one that ended today is not', () => {
    expect(clock(START, '2026-09-29', [{ ...pause, to: null }]).paused).toBe(true);
    expect(clock(START, '2026-10-09', [pause]).paused).toBe(false);
    expect(clock(START, '2026-10-08', [pause]).paused).toBe(true);
  });
  it('two pauses add up; an overdue step with pauses is red', () => {
    const second: Pause = { from: '2026-10-20', to: '2026-10-22', reason: '专家评审' };
    const c = clock(START, '2026-11-10', [pause, second]);
    expect(c.pausedDays).toBe(5);
    expect(c.dueDate).toBe('2026-11-06');
    expect(c).toMatchObject({ daysLeft: -2, level: 'red' });
  });
  it('a pause in a step with no working days inside it changes nothing', () => {
    const holidayOnly: Pause = { from: '2026-10-01', to: '2026-10-07', reason: 'x' };
    expect(clock(START, '2026-10-15', [holidayOnly])).toEqual(clock(START, '2026-10-15'));
  });
});

describe('stepClock invariants (property)', () => {
  const day = (min: string, max: string) => fc.integer({ min: dayNumber(min), max: dayNumber(max) });
  it('used + paused = working days since start; days left agree with the due date', () => {
    fc.assert(
      fc.property(
        day('2025-12-01', '2026-12-31'),
        fc.array(fc.tuple(fc.nat(40), fc.nat(15)), { maxLength: 3 }),
        fc.nat(60),
        fc.integer({ min: 1, max: 40 }),
        (start, rawPauses, todayOffset, limitDays) => {
          // Pauses are closed, do not overlap and lie between the start and today.
          let cursor = start;
          const pauses: Pause[] = rawPauses.map(([gap, length]) => {
            const from = cursor + gap;
            cursor = from + length + 1;
            return { from: fromDayNumber(from), to: fromDayNumber(from + length + 1), reason: 'p' };
          });
          const today = fromDayNumber(cursor + todayOffset);
          const c = stepClock({ start: fromDayNumber(start), limitDays, pauses, today, warningDays: 3, calendar });
          expect(c.usedDays + c.pausedDays).toBe(workingDaysBetween(calendar, fromDayNumber(start), today));
          expect(c.daysLeft).toBe(limitDays - c.usedDays);
          // Every paused working day moved the due date, so the days left are exactly the working days to it.
          expect(c.daysLeft).toBe(workingDaysBetween(calendar, today, c.dueDate));
          expect(c.level).toBe(c.daysLeft < 0 ? 'red' : c.daysLeft <= 3 ? 'yellow' : 'ok');
          expect(c.dueDate >= addWorkingDays(calendar, fromDayNumber(start), limitDays)).toBe(true);
          if (pauses.length === 0) expect(c.dueDate).toBe(addWorkingDays(calendar, fromDayNumber(start), limitDays));
          expect(c.paused).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('one clock: the stored form reads the same as the full history (property)', () => {
  const day = (min: string, max: string) => fc.integer({ min: dayNumber(min), max: dayNumber(max) });
  it('for random pauses and resumes, stored values give the same due date on every later day; paused in time is never overdue', () => {
    fc.assert(
      fc.property(
        day('2026-01-05', '2027-06-30'),
        fc.array(fc.tuple(fc.nat(30), fc.nat(80)), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.nat(90),
        fc.integer({ min: 1, max: 30 }),
        (start, raw, lastOpen, later, limitDays) => {
          let cursor = start;
          const pauses: Pause[] = raw.map(([gap, length], i) => {
            const from = cursor + gap;
            cursor = from + length + 1;
            const open = lastOpen && i === raw.length - 1;
            return { from: fromDayNumber(from), to: open ? null : fromDayNumber(cursor), reason: 'p' };
          });
          const written = fromDayNumber(cursor);
          const today = fromDayNumber(cursor + later);
          const args = { start: fromDayNumber(start), limitDays, warningDays: 3, calendar };
          // What a row stored when the last pause or resume was written, read `later` days afterwards.
          const stored = storedClock({ ...args, pauses, today: written });
          const full = stepClock({ ...args, pauses, today });
          const read = clockToday({ ...stored, today, warningDays: 3, calendar });
          expect(read).toEqual({ dueDate: full.dueDate, daysLeft: full.daysLeft, paused: full.paused, level: full.level });
          expect(isOverdue({ ...stored, today, calendar })).toBe(full.level === 'red');
          // Not overdue when the pause began → never overdue while it lasts, however long it lasts.
          const open = pauses.find((p) => p.to === null);
          if (open) {
            const atPause = stepClock({ ...args, pauses: pauses.map((p) => (p === open ? { ...p, to: p.from } : p)), today: open.from });
            if (atPause.daysLeft > 0) expect(full.level).not.toBe('red');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
