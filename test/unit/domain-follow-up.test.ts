import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breachAction, inBreach, itemAlert, suspensionLifts } from '../../src/shared/domain/follow-up';
import { officialCalendar as calendar } from '../../src/shared/domain/calendar';
import { FILING_STATES, type FilingState } from '../../src/shared/domain/states';

const alert = (today: string, dueDate: string, state: 'open' | 'supplied' | 'closed' | 'notApplied' = 'open', reminderDays = [5, 1]) =>
  itemAlert({ dueDate, today, state, reminderDays, calendar });

describe('itemAlert', () => {
  // Due Tuesday 13 Oct 2026; counting back skips National Day but includes the make-up Saturday 10 Oct.
  const due = '2026-10-13';
  it('counts working days to the due date', () => {
    expect(alert('2026-09-30', due)).toEqual({ alert: 'reminder', daysLeft: 5 }); // 8, 9, 10, 12, 13 Oct
    expect(alert('2026-09-29', due)).toEqual({ alert: 'none', daysLeft: 6 });
    expect(alert('2026-10-07', due)).toEqual({ alert: 'reminder', daysLeft: 5 });
    expect(alert('2026-10-10', due)).toEqual({ alert: 'reminder', daysLeft: 2 });
    expect(alert('2026-10-12', due)).toEqual({ alert: 'dueSoon', daysLeft: 1 });
    expect(alert(due, due)).toEqual({ alert: 'dueSoon', daysLeft: 0 });
    expect(alert('2026-10-14', due)).toEqual({ alert: 'overdue', daysLeft: -1 });
  });
  it('closed and not-applied items never alert; a supplied one does until it is verified', () => {
    expect(alert('2026-10-20', due, 'closed')).toEqual({ alert: 'none', daysLeft: -5 });
    expect(alert('2026-10-12', due, 'notApplied').alert).toBe('none');
    expect(alert('2026-10-20', due, 'supplied').alert).toBe('overdue');
  });
  it('without reminder days only overdue is reported', () => {
    expect(alert('2026-10-12', due, 'open', []).alert).toBe('none');
    expect(alert('2026-10-14', due, 'open', []).alert).toBe('overdue');
  });
  it('the alert follows daysLeft for any reminder settings (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.array(fc.nat(20), { minLength: 1, maxLength: 5 }), (offset, reminders) => {
        const today = '2026-09-01';
        const dueDate = new Date(Date.UTC(2026, 8, 1 + offset)).toISOString().slice(0, 10);
        const r = alert(today, dueDate, 'open', reminders);
        const expected = r.daysLeft <= Math.min(...reminders) ? 'dueSoon' : r.daysLeft <= Math.max(...reminders) ? 'reminder' : 'none';
        expect(r.alert).toBe(expected);
      }),
    );
  });
});

describe('breachAction', () => {
  const breach = (
    filingState: FilingState,
    overdueSince: string | null,
    today: string,
    graceDays = 10,
    suspendedOn: string | null = overdueSince,
  ) => breachAction({ filingState, overdueSince, suspendedOn, today, graceDays, calendar }).action;

  it('terminates before registration and suspends after it', () => {
    for (const s of ['submitted', 'correction_requested', 'in_review', 'supplement_requested', 'approved'] as const)
      expect(breach(s, '2026-03-02', '2026-03-03'), s).toBe('terminate');
    expect(breach('registered', '2026-03-02', '2026-03-03')).toBe('suspend');
  });
  it('revokes a suspended registration only after more than graceDays working days from the suspension', () => {
    // Suspended 30 Sep 2026; ten working days after: 8, 9, 10 (Sat), 12–16, 19, 20 Oct.
    expect(breach('suspended', '2026-09-30', '2026-10-20')).toBe('none');
    expect(breach('suspended', '2026-09-30', '2026-10-21')).toBe('revoke');
    expect(breach('suspended', '2026-09-30', '2026-10-07', 0)).toBe('none'); // nothing but holiday since the miss
    expect(breach('suspended', '2026-09-30', '2026-10-08', 0)).toBe('revoke');
  });
  it('counts the grace period from the suspension, not from the missed due date', () => {
    // Overdue since July, suspended only on 20 Oct: not revoked the day after, however old the miss.
    expect(breach('suspended', '2026-07-01', '2026-10-21', 10, '2026-10-20')).toBe('none');
    expect(breach('suspended', '2026-07-01', '2026-11-03', 10, '2026-10-20')).toBe('none'); // 21–23, 26–30 Oct, 2, 3 Nov
    expect(breach('suspended', '2026-07-01', '2026-11-04', 10, '2026-10-20')).toBe('revoke');
    expect(breach('suspended', '2026-07-01', '2026-11-05', 10, null)).toBe('none');
  });
  it('a supply alone does not end a breach; the unit\'s close or "not applied" does; on time is never a breach', () => {
    const item = (state: string, suppliedOn: string | null) => ({ state, dueDate: '2026-03-02', suppliedOn });
    expect(inBreach(item('open', null), '2026-03-03')).toBe(true);
    expect(inBreach(item('open', null), '2026-03-02')).toBe(false);
    expect(inBreach(item('supplied', '2026-03-05'), '2026-03-06')).toBe(true);
    expect(inBreach(item('supplied', '2026-03-02'), '2026-03-06')).toBe(false);
    expect(inBreach(item('closed', '2026-03-05'), '2026-03-06')).toBe(false);
    expect(inBreach(item('notApplied', null), '2026-03-06')).toBe(false);
    expect(suspensionLifts([item('closed', '2026-03-05'), item('supplied', '2026-03-05')], '2026-03-06')).toBe(false);
    expect(suspensionLifts([item('closed', '2026-03-05'), item('notApplied', null)], '2026-03-06')).toBe(true);
  });
  it('does nothing when nothing is overdue yet', () => {
    expect(breach('registered', null, '2026-03-03')).toBe('none');
    expect(breach('registered', '2026-03-03', '2026-03-03')).toBe('none'); // due today is not overdue
    expect(breach('in_review', '2026-03-10', '2026-03-03')).toBe('none');
  });
  it('never acts on drafts or on filings that have ended (property)', () => {
    const quiet = FILING_STATES.filter((s) => ['draft', 'not_accepted', 'rejected', 'revoked', 'terminated', 'closed'].includes(s));
    expect(quiet).toHaveLength(6);
    fc.assert(
      fc.property(fc.constantFrom(...quiet), fc.nat(400), (s, lateness) => {
        const today = new Date(Date.UTC(2026, 0, 1 + lateness)).toISOString().slice(0, 10);
        expect(breach(s, '2026-01-01', today, 0)).toBe('none');
      }),
    );
  });
});
