/**
 * Step time limits (domain §7) in working days, with pauses (waiting for the applicant's supplement or an expert).
 *
 * Counting convention, the same as for deadlines: the start day itself does not count (day 1 is the first working day
 * after it). A pause {from, to} stops the clock for the working days in (from, to]: the day it starts was still a
 * working day for the unit, and after the supplement arrives on `to` counting resumes the next working day, exactly
 * as if the step had started afresh on `to`. An open pause runs through today.
 */
import { dayNumber, fromDayNumber, type IsoDate, type WorkCalendar } from './calendar';

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

export function stepClock(a: {
  start: IsoDate;
  limitDays: number;
  pauses: Pause[];
  today: IsoDate;
  warningDays: number;
  calendar: WorkCalendar;
}): StepClock {
  const { start, limitDays, today, calendar } = a;
  const intervals = a.pauses.map((p) => [dayNumber(p.from), dayNumber(p.to ?? (p.from > today ? p.from : today))] as const);
  const isPaused = (day: number) => intervals.some(([from, to]) => from < day && day <= to);

  let usedDays = 0;
  let pausedDays = 0;
  for (let day = dayNumber(start) + 1; day <= dayNumber(today); day++) {
    if (!calendar.isWorkingDay(fromDayNumber(day))) continue;
    if (isPaused(day)) pausedDays++;
    else usedDays++;
  }

  // Walk forward past today too: known pauses (including an open one up to today) push the due date later.
  let dueDay = dayNumber(start);
  for (let counted = 0; counted < limitDays;) {
    dueDay++;
    if (calendar.isWorkingDay(fromDayNumber(dueDay)) && !isPaused(dueDay)) counted++;
  }

  const daysLeft = limitDays - usedDays;
  const paused = a.pauses.some((p) => p.from <= today && (p.to === null || today < p.to));
  const level = daysLeft < 0 ? 'red' : daysLeft <= a.warningDays ? 'yellow' : 'ok';
  return { dueDate: fromDayNumber(dueDay), usedDays, pausedDays, daysLeft, paused, level };
}
