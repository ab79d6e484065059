/** The closed loop after acceptance (domain §9): reminders on tracked items, and what a breach leads to. */
import { workingDaysBetween, type IsoDate, type WorkCalendar } from './calendar';
import type { FilingState } from './states';

export type ItemAlert = 'none' | 'reminder' | 'dueSoon' | 'overdue';

/**
 * daysLeft is in working days from today to the due date (0 = due today). A supplied item still alerts: it stays on
 * the verifying unit's list until it is checked and closed (销号).
 */
export function itemAlert(a: {
  dueDate: IsoDate;
  today: IsoDate;
  state: 'open' | 'supplied' | 'closed' | 'notApplied';
  reminderDays: number[];
  calendar: WorkCalendar;
}): { alert: ItemAlert; daysLeft: number } {
  const daysLeft = workingDaysBetween(a.calendar, a.today, a.dueDate);
  if (a.state === 'closed' || a.state === 'notApplied') return { alert: 'none', daysLeft };
  if (daysLeft < 0) return { alert: 'overdue', daysLeft };
  if (a.reminderDays.length > 0) {
    if (daysLeft <= Math.min(...a.reminderDays)) return { alert: 'dueSoon', daysLeft };
    if (daysLeft <= Math.max(...a.reminderDays)) return { alert: 'reminder', daysLeft };
  }
  return { alert: 'none', daysLeft };
}

export type Breach = { action: 'none' } | { action: 'terminate' } | { action: 'suspend' } | { action: 'revoke' };

/** Accepted or under way, but not yet registered: a breach here ends the filing. */
const BEFORE_REGISTRATION: readonly FilingState[] = ['submitted', 'correction_requested', 'in_review', 'supplement_requested', 'approved'];

/**
 * overdueSince is the missed due date of the oldest overdue item (null when nothing is overdue); the item is overdue
 * from the day after it, and the grace period counts working days after it.
 */
export function breachAction(a: {
  filingState: FilingState;
  overdueSince: IsoDate | null;
  today: IsoDate;
  graceDays: number;
  calendar: WorkCalendar;
}): Breach {
  if (a.overdueSince === null || a.overdueSince >= a.today) return { action: 'none' };
  if (BEFORE_REGISTRATION.includes(a.filingState)) return { action: 'terminate' };
  if (a.filingState === 'registered') return { action: 'suspend' };
  if (a.filingState === 'suspended' && workingDaysBetween(a.calendar, a.overdueSince, a.today) > a.graceDays) return { action: 'revoke' };
  return { action: 'none' };
}
