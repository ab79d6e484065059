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

export const toPauses = (rows: PauseRow[]): Pause[] =>
  rows.map((p) => ({ from: toIsoDate(new Date(p.started_at)), to: p.ended_at ? toIsoDate(new Date(p.ended_at)) : null, reason: p.reason }));

/** The joint-review step clock (domain §7): from the day round 1 opened, pauses excluded. */
export function reviewClock(reviewStartedAt: string, pauses: PauseRow[], settings: Settings, today: string): StepClock {
  return stepClock({
    start: toIsoDate(new Date(reviewStartedAt)),
    limitDays: settings.timeLimits.reviewDays,
    pauses: toPauses(pauses),
    today,
    warningDays: settings.timeLimits.warningDays,
    calendar: officialCalendar,
  });
}
