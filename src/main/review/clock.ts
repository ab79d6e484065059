import type { Settings } from '../../shared/schemas/settings';
import { stepClock, type Pause, type StepClock } from '../../shared/domain/clock';
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
