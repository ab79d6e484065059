import { itemAlert, type ItemAlert } from '../../shared/domain/follow-up';
import { officialCalendar, workingDaysBetween } from '../../shared/domain/calendar';
import { workDayRows, WORK_DAYS_FROM, WORK_DAYS_TO } from '../db/dashboard';

let index: Map<string, number> | null = null;

/** workingDaysBetween in O(1) from a cumulative index (the same one migration 004 stores); outside it, the walk. */
export function workingDaysFast(from: string, to: string): number {
  index ??= new Map(workDayRows(WORK_DAYS_FROM, WORK_DAYS_TO));
  const a = index.get(from);
  const b = index.get(to);
  return a === undefined || b === undefined ? workingDaysBetween(officialCalendar, from, to) : b - a;
}

/**
 * itemAlert for lists of hundreds of items, some overdue for years: itemAlert counts working days one by one,
 * so it is asked only where its answer can be a reminder; further out the answer is 'overdue' or 'none' by its
 * own first rules, with the day count from the index.
 */
export function alertOf(a: {
  dueDate: string;
  today: string;
  state: 'open' | 'supplied' | 'closed' | 'notApplied';
  reminderDays: number[];
}): { alert: ItemAlert; daysLeft: number } {
  const daysLeft = workingDaysFast(a.today, a.dueDate);
  const live = a.state === 'open' || a.state === 'supplied';
  if (live && daysLeft >= 0 && daysLeft <= Math.max(0, ...a.reminderDays)) return itemAlert({ ...a, calendar: officialCalendar });
  return { alert: live && daysLeft < 0 ? 'overdue' : 'none', daysLeft };
}
