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
 * overdueSince is the missed due date of the oldest item in breach (null when none is); the item is overdue from the
 * day after it. The grace period before a revocation counts working days **from the suspension** (domain §9), so a
 * filing is never suspended and revoked on the same day however long its items were overdue.
 */
export function breachAction(a: {
  filingState: FilingState;
  overdueSince: IsoDate | null;
  suspendedOn: IsoDate | null;
  today: IsoDate;
  graceDays: number;
  calendar: WorkCalendar;
}): Breach {
  if (a.overdueSince === null || a.overdueSince >= a.today) return { action: 'none' };
  if (BEFORE_REGISTRATION.includes(a.filingState)) return { action: 'terminate' };
  if (a.filingState === 'registered') return { action: 'suspend' };
  if (a.filingState === 'suspended' && a.suspendedOn !== null && workingDaysBetween(a.calendar, a.suspendedOn, a.today) > a.graceDays)
    return { action: 'revoke' };
  return { action: 'none' };
}

/**
 * Is this item (still) a breach on `today`? Open past its due date; or supplied late and not yet verified and closed
 * (销号) by its unit: the clerk's record of a supply alone never restores a certificate (domain §9 "Lifting a
 * suspension"). A paper supplied on time is never a breach, even before its unit has checked it.
 */
export function inBreach(i: { state: string; dueDate: IsoDate; suppliedOn: IsoDate | null }, today: IsoDate): boolean {
  if (i.dueDate >= today) return false;
  if (i.state === 'open') return true;
  return i.state === 'supplied' && (i.suppliedOn === null || i.suppliedOn > i.dueDate);
}

/** A suspension lifts only when no item is in breach any more: each closed or set "not applied" by its unit. */
export const suspensionLifts = (items: { state: string; dueDate: IsoDate; suppliedOn: IsoDate | null }[], today: IsoDate): boolean =>
  !items.some((i) => inBreach(i, today));
