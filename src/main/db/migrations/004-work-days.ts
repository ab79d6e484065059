/**
 * Migration 004's own copy of the working-day calendar, frozen as it stood when the migration was written (State
 * Council notices for 2024–2026, 2027's statutory days). A migration is history: it must not follow the runtime
 * calendar. Later notices reach the table at desk start through syncWorkDays (db/dashboard.ts).
 */

export const WORK_DAYS_FROM = '2020-01-01';
export const WORK_DAYS_TO = '2040-12-31';

/** Monday-to-Friday days that were days off. */
const HOLIDAYS = new Set([
  '2024-01-01',
  '2024-02-12',
  '2024-02-13',
  '2024-02-14',
  '2024-02-15',
  '2024-02-16',
  '2024-04-04',
  '2024-04-05',
  '2024-05-01',
  '2024-05-02',
  '2024-05-03',
  '2024-06-10',
  '2024-09-16',
  '2024-09-17',
  '2024-10-01',
  '2024-10-02',
  '2024-10-03',
  '2024-10-04',
  '2024-10-07',
  '2025-01-01',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-02-03',
  '2025-02-04',
  '2025-04-04',
  '2025-05-01',
  '2025-05-02',
  '2025-05-05',
  '2025-06-02',
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-23',
  '2026-04-06',
  '2026-05-01',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19',
  '2026-09-25',
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-04-05',
  '2027-05-03',
  '2027-05-04',
  '2027-06-09',
  '2027-09-15',
  '2027-10-01',
  '2027-10-04',
  '2027-10-05',
]);

/** Weekend days that were working days (调休). */
const MAKE_UP_DAYS = new Set([
  '2024-02-04',
  '2024-02-18',
  '2024-04-07',
  '2024-04-28',
  '2024-05-11',
  '2024-09-14',
  '2024-09-29',
  '2024-10-12',
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);

const DAY_MS = 86_400_000;

/** [day, working days from WORK_DAYS_FROM up to and including day], as the frozen calendar counts them. */
export function frozenWorkDayRows(): [string, number][] {
  const rows: [string, number][] = [];
  let n = 0;
  for (let t = Date.parse(`${WORK_DAYS_FROM}T00:00:00Z`); t <= Date.parse(`${WORK_DAYS_TO}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (weekend ? MAKE_UP_DAYS.has(day) : !HOLIDAYS.has(day)) n++;
    rows.push([day, n]);
  }
  return rows;
}
