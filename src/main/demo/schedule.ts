/**
 * When each demo filing begins, counted back from the day the demo is loaded (the desk's clock, passed in), so a
 * newcomer sees a realistic desk on any day: open cases on time, due soon (yellow), overdue (red) and paused, and the
 * finished ones spread over the months before.
 */
import { addWorkingDays, officialCalendar, toIsoDate, type IsoDate } from '../../shared/domain/calendar';
import { DEMO_TARGETS } from './plan';

const DAY = 24 * 3600_000;

/**
 * The open cases: how many working days before the load day their current step began (submitted: the submission;
 * in review and waiting for the applicant: the acceptance; approved: the acceptance, approval following within two
 * days). With the default limits (acceptance 5, review 20, certificate 10, yellow from 3 days left) this gives
 * on time 2 8 9 16 28, yellow 3 10 17, red 4 11 12, and 13 14 paused waiting for the applicant's supplement.
 */
const OPEN_STEP_BEGAN: Readonly<Record<number, number>> = {
  2: 1,
  3: 3,
  4: 9,
  8: 6,
  9: 4,
  10: 18,
  11: 34,
  12: 26,
  13: 12,
  14: 30,
  16: 5,
  17: 10,
  28: 8,
};

/** 09:00 at the desk (Asia/Shanghai) on a day: a clerk's working morning, never in the loader's future. */
const morning = (day: IsoDate): Date => new Date(`${day}T01:00:00Z`);

export interface DemoTimes {
  /** When the clerk enters the filing (its submission follows within the same morning). */
  created: Date;
  /** When the acceptance is decided; null: two days after the submission. */
  accepted: Date | null;
}

export function demoTimes(index: number, now: Date): DemoTimes {
  const back = OPEN_STEP_BEGAN[index];
  // Finished and early cases: spread over the last ~five months, older ones further along.
  if (back === undefined) return { created: new Date(now.getTime() - (150 - index * 4.5) * DAY), accepted: null };
  const began = addWorkingDays(officialCalendar, toIsoDate(now), -back);
  if (DEMO_TARGETS[index] === 'submitted') return { created: morning(began), accepted: null };
  return { created: morning(addWorkingDays(officialCalendar, began, -2)), accepted: morning(began) };
}
