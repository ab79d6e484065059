/**
 * Step time limits (domain §7) in working days, with pauses (waiting for the applicant's supplement or an expert).
 *
 * Counting convention, the same as for deadlines: the start day itself does not count (day 1 is the first working day
 * after it). A pause {from, to} stops the clock for the working days in (from, to]: the day it starts was still a
 * working day for the unit, and after the supplement arrives on `to` counting resumes the next working day, exactly
 * as if the step had started afresh on `to`. An open pause runs through today.
 *
 * There is one clock (domain §7 "Paused time is not counted"): every paused working day moves the due date one
 * working day later. A step is therefore described completely by two stored values: its due date with the closed
 * pauses counted (`baseDue`) and the day its open pause began (`pausedSince`). `clockToday` turns those into the due
 * date, days left and colour for any day; `stepClock` derives the two values from the full pause history and then asks
 * `clockToday`, so the header, the list, its overdue filter, the inbox, exports and the trajectory cannot disagree.
 */
import { addWorkingDays, dayNumber, fromDayNumber, workingDaysBetween, type IsoDate, type WorkCalendar } from './calendar';

export interface Pause {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
}

export interface StepClock {
  dueDate: IsoDate;
  usedDays: number;
  pausedDays: number;
  daysLeft: number;
  paused: boolean;
  level: 'ok' | 'yellow' | 'red';
}

/** What a list row stores of a step's clock: enough to answer for any later day without the pause history. */
export interface StoredClock {
  /** The due date with every closed pause counted and the open one (if any) not yet. */
  baseDue: IsoDate;
  /** The desk date the open pause began, or null while the clock runs. */
  pausedSince: IsoDate | null;
}

export interface ClockToday {
  dueDate: IsoDate;
  daysLeft: number;
  paused: boolean;
  level: 'ok' | 'yellow' | 'red';
}

/** The clock as it reads on `today`: the open pause's working days so far move the due date later. */
export function clockToday(a: StoredClock & { today: IsoDate; warningDays: number; calendar: WorkCalendar }): ClockToday {
  const { calendar, today } = a;
  const paused = a.pausedSince !== null && a.pausedSince <= today;
  const pausedSoFar = paused ? workingDaysBetween(calendar, a.pausedSince!, today) : 0;
  const dueDate = addWorkingDays(calendar, a.baseDue, pausedSoFar);
  const daysLeft = workingDaysBetween(calendar, today, dueDate);
  const level = daysLeft < 0 ? 'red' : daysLeft <= a.warningDays ? 'yellow' : 'ok';
  return { dueDate, daysLeft, paused, level };
}

/** Is the step overdue on `today`? The same answer as clockToday's red, in the form the list's SQL filter mirrors. */
export const isOverdue = (c: StoredClock & { today: IsoDate; calendar: WorkCalendar }): boolean =>
  clockToday({ ...c, warningDays: 0 }).daysLeft < 0;

/** Paused working days of each day number in (start, until], counted once even where pauses overlap. */
function pausedDaySet(start: IsoDate, until: IsoDate, pauses: Pause[], calendar: WorkCalendar): Set<number> {
  const days = new Set<number>();
  for (const p of pauses) {
    const from = Math.max(dayNumber(p.from), dayNumber(start));
    const to = Math.min(dayNumber(p.to ?? until), dayNumber(until));
    for (let d = from + 1; d <= to; d++) if (calendar.isWorkingDay(fromDayNumber(d))) days.add(d);
  }
  return days;
}

/** The two stored values of a step from its start, limit and pause history (closed pauses in the past). */
export function storedClock(a: {
  start: IsoDate;
  limitDays: number;
  pauses: Pause[];
  today: IsoDate;
  calendar: WorkCalendar;
}): StoredClock {
  // Read as of `today`: a pause that ends later is still open then.
  const open = a.pauses.find((p) => (p.to === null || p.to > a.today) && p.from <= a.today) ?? null;
  const closed = a.pauses.filter((p) => p.to !== null && p.to <= a.today);
  const closedDays = pausedDaySet(a.start, a.today, closed, a.calendar).size;
  return {
    baseDue: addWorkingDays(a.calendar, a.start, a.limitDays + closedDays),
    pausedSince: open ? (open.from < a.start ? a.start : open.from) : null,
  };
}

export function stepClock(a: {
  start: IsoDate;
  limitDays: number;
  pauses: Pause[];
  today: IsoDate;
  warningDays: number;
  calendar: WorkCalendar;
}): StepClock {
  const { start, today, calendar } = a;
  const pausedDays = pausedDaySet(start, today, a.pauses, calendar).size;
  const usedDays = Math.max(0, workingDaysBetween(calendar, start, today)) - pausedDays;
  // Before the step starts, it reads as on its first day.
  const asOf = today < start ? start : today;
  const now = clockToday({ ...storedClock({ ...a, today: asOf }), today: asOf, warningDays: a.warningDays, calendar });
  return { dueDate: now.dueDate, usedDays, pausedDays, daysLeft: now.daysLeft, paused: now.paused, level: now.level };
}
