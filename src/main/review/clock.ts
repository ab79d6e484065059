import type { Settings } from '../../shared/schemas/settings';
import { clockToday, stepClock, storedClock, type ClockToday, type Pause, type StepClock } from '../../shared/domain/clock';
import { officialCalendar, toIsoDate } from '../../shared/domain/calendar';

export const REVIEW_STEP = 'review';
/** The pause reason recorded while the applicant prepares a supplement (a catalogue key under pause.*). */
export const WAITING_FOR_APPLICANT = 'waitingForApplicant';

export interface PauseRow {
  started_at: string;
  ended_at: string | null;
  reason: string;
}

const dates = new Map<string, string>();
/** The desk's calendar date of a stored timestamp, memoised: the trajectory asks for the same few many times over. */
export function dateOf(iso: string): string {
  let d = dates.get(iso);
  if (d === undefined) {
    if (dates.size > 50_000) dates.clear();
    d = toIsoDate(new Date(iso));
    dates.set(iso, d);
  }
  return d;
}

export const toPauses = (rows: PauseRow[]): Pause[] =>
  rows.map((p) => ({ from: dateOf(p.started_at), to: p.ended_at ? dateOf(p.ended_at) : null, reason: p.reason }));

/** The joint-review step clock (domain §7): from the day round 1 opened, pauses excluded. */
export function reviewClock(reviewStartedAt: string, pauses: PauseRow[], settings: Settings, today: string): StepClock {
  return stepClock({
    start: dateOf(reviewStartedAt),
    limitDays: settings.timeLimits.reviewDays,
    pauses: toPauses(pauses),
    today,
    warningDays: settings.timeLimits.warningDays,
    calendar: officialCalendar,
  });
}

/** What a filing row stores of its review clock: the due date with closed pauses counted (domain §7). */
export function reviewDue(reviewStartedAt: string, pauses: PauseRow[], settings: Settings, today: string): string {
  const start = dateOf(reviewStartedAt);
  return storedClock({ start, limitDays: settings.timeLimits.reviewDays, pauses: toPauses(pauses), today, calendar: officialCalendar })
    .baseDue;
}

/** A filing's current step clock from its stored columns: the same reading as reviewClock gives from the history. */
export function filingClock(
  f: { dueDate: string | null; pausedSince: string | null },
  settings: Settings,
  today: string,
): ClockToday | null {
  if (!f.dueDate) return null;
  return clockToday({
    baseDue: f.dueDate,
    pausedSince: f.pausedSince,
    today,
    warningDays: settings.timeLimits.warningDays,
    calendar: officialCalendar,
  });
}
