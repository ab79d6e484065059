/**
 * Deadlines people type or count (domain §5, §7): a date in a year whose official holiday notice is not published is
 * provisional and always shown with that mark; a date typed onto a holiday or weekend moves to the next working day
 * and says so; one beyond its maximum is refused with the maximum shown, never silently clamped. The server decides
 * with these functions and the forms call the same ones to show the result as it is typed.
 */
import { addWorkingDays, calendarYearStatus, isIsoDate, type IsoDate, type WorkCalendar } from './calendar';

/** Whether a date may still move: its year's holidays are not from a published State Council notice. */
export function isProvisionalDate(date: IsoDate | null | undefined): boolean {
  if (!date || !isIsoDate(date)) return false;
  return calendarYearStatus(Number(date.slice(0, 4))) !== 'official';
}

export type DeadlineResult =
  | { ok: true; dueDate: IsoDate; movedFrom: IsoDate | null; provisional: boolean }
  | { ok: false; problem: 'invalid' }
  | { ok: false; problem: 'notAfterToday'; today: IsoDate }
  | { ok: false; problem: 'beyondMax'; max: IsoDate; dueDate: IsoDate };

/**
 * A typed deadline as the desk records it: moved off a non-working day to the next working day, then checked
 * against today and the latest allowed date `max` (itself a working day, so a holiday before it never moves past it).
 */
export function settleDeadline(cal: WorkCalendar, typed: string, today: IsoDate, max: IsoDate | null): DeadlineResult {
  if (!isIsoDate(typed)) return { ok: false, problem: 'invalid' };
  const dueDate = cal.isWorkingDay(typed) ? typed : addWorkingDays(cal, typed, 1);
  if (dueDate <= today) return { ok: false, problem: 'notAfterToday', today };
  if (max !== null && dueDate > max) return { ok: false, problem: 'beyondMax', max, dueDate };
  return { ok: true, dueDate, movedFrom: dueDate === typed ? null : typed, provisional: isProvisionalDate(dueDate) };
}

/** A deadline counted in working days from today, as the conditions editor shows it while the count is typed. */
export function deadlineFromDays(cal: WorkCalendar, today: IsoDate, days: number): { dueDate: IsoDate; provisional: boolean } | null {
  if (!Number.isInteger(days) || days < 1 || days > 250) return null;
  const dueDate = addWorkingDays(cal, today, days);
  return { dueDate, provisional: isProvisionalDate(dueDate) };
}
