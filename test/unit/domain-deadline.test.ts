import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addWorkingDays, officialCalendar as cal } from '../../src/shared/domain/calendar';
import { deadlineFromDays, isProvisionalDate, settleDeadline } from '../../src/shared/domain/deadline';

describe('isProvisionalDate', () => {
  it('marks dates in a year without the State Council notice (2027 now), not 2026 or nonsense', () => {
    expect(isProvisionalDate('2027-01-15')).toBe(true);
    expect(isProvisionalDate('2030-06-01')).toBe(true);
    expect(isProvisionalDate('2026-12-31')).toBe(false);
    expect(isProvisionalDate(null)).toBe(false);
    expect(isProvisionalDate('2027-02-30')).toBe(false);
  });
});

describe('settleDeadline', () => {
  const today = '2026-09-21';
  const max = addWorkingDays(cal, today, 10); // 2026-10-12, after the National Day week

  it('a deadline typed onto a public holiday moves to the next working day and says from where', () => {
    expect(max).toBe('2026-10-12');
    expect(settleDeadline(cal, '2026-10-01', today, max)).toEqual({
      ok: true,
      dueDate: '2026-10-08',
      movedFrom: '2026-10-01',
      provisional: false,
    });
    // A weekend moves too; a make-up working Saturday (调休) does not.
    expect(settleDeadline(cal, '2026-09-26', today, max)).toMatchObject({ ok: true, dueDate: '2026-09-28', movedFrom: '2026-09-26' });
    expect(settleDeadline(cal, '2026-10-10', today, max)).toMatchObject({ ok: true, dueDate: '2026-10-10', movedFrom: null });
  });

  it('a deadline beyond its maximum is refused with the maximum, never clamped', () => {
    expect(settleDeadline(cal, '2026-10-13', today, max)).toEqual({ ok: false, problem: 'beyondMax', max, dueDate: '2026-10-13' });
    // A non-working day past the maximum is refused too, showing where it would have landed.
    expect(settleDeadline(cal, '2026-10-11', '2026-09-21', '2026-10-09')).toEqual({
      ok: false,
      problem: 'beyondMax',
      max: '2026-10-09',
      dueDate: '2026-10-12',
    });
    expect(settleDeadline(cal, today, today, max)).toEqual({ ok: false, problem: 'notAfterToday', today });
    expect(settleDeadline(cal, '2026-13-01', today, max)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('marks a deadline in a provisional year', () => {
    expect(settleDeadline(cal, '2027-01-01', '2026-12-20', null)).toEqual({
      ok: true,
      dueDate: '2027-01-04',
      movedFrom: '2027-01-01',
      provisional: true,
    });
  });

  it('property: whatever is typed, an accepted deadline is a working day after today, at most the maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: -5, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (start, offset, maxDays) => {
          const today = addDays('2025-01-01', start);
          const m = addWorkingDays(cal, today, maxDays);
          const typed = addDays(today, offset);
          const r = settleDeadline(cal, typed, today, m);
          if (r.ok) {
            expect(cal.isWorkingDay(r.dueDate)).toBe(true);
            expect(r.dueDate > today && r.dueDate <= m).toBe(true);
            expect(r.movedFrom === null).toBe(cal.isWorkingDay(typed));
          } else if (r.problem === 'beyondMax') {
            expect(r.max).toBe(m);
            expect(r.dueDate > m).toBe(true);
          }
        },
      ),
    );
  });
});

describe('deadlineFromDays', () => {
  it('gives the working-day deadline the conditions editor shows as the count is typed', () => {
    expect(deadlineFromDays(cal, '2026-09-21', 7)).toEqual({ dueDate: '2026-10-08', provisional: false });
    expect(deadlineFromDays(cal, '2026-12-21', 10)).toEqual({ dueDate: addWorkingDays(cal, '2026-12-21', 10), provisional: true });
    expect(deadlineFromDays(cal, '2026-09-21', 0)).toBeNull();
    expect(deadlineFromDays(cal, '2026-09-21', 251)).toBeNull();
  });
});
