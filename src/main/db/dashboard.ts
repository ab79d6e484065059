import { sql } from 'kysely';
import type { Db, SqliteHandle } from './connection';
import { dayNumber, fromDayNumber, officialCalendar, type WorkCalendar } from '../../shared/domain/calendar';

/** The range the working-day table covers; spans outside it are left out of the dashboard rather than guessed. */
export const WORK_DAYS_FROM = '2020-01-01';
export const WORK_DAYS_TO = '2040-12-31';

/** [day, working days from WORK_DAYS_FROM up to and including day]. */
export function workDayRows(from: string, to: string, calendar: WorkCalendar = officialCalendar): [string, number][] {
  const rows: [string, number][] = [];
  let n = 0;
  for (let d = dayNumber(from); d <= dayNumber(to); d++) {
    const iso = fromDayNumber(d);
    if (calendar.isWorkingDay(iso)) n++;
    rows.push([iso, n]);
  }
  return rows;
}

/**
 * The holiday tables change when the State Council publishes a new year's notice; the migration's copy of the
 * calendar is brought in line at desk start. Durations already counted keep the calendar of their day.
 */
export function syncWorkDays(handle: SqliteHandle): number {
  const stored = new Map((handle.prepare('SELECT day, n FROM work_days').all() as { day: string; n: number }[]).map((r) => [r.day, r.n]));
  const changed = workDayRows(WORK_DAYS_FROM, WORK_DAYS_TO).filter(([d, n]) => stored.get(d) !== n);
  if (!changed.length) return 0;
  const put = handle.prepare('INSERT INTO work_days (day, n) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET n = excluded.n');
  handle.transaction(() => changed.forEach(([d, n]) => put.run(d, n))).immediate();
  return changed.length;
}

export async function countByState(db: Db): Promise<{ state: string; n: number }[]> {
  return db
    .selectFrom('filings')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
}

/** Histogram rows of finished steps ending in or after `fromMonth` (YYYY-MM). */
export async function durationHistogram(db: Db, fromMonth: string) {
  return db
    .selectFrom('step_durations')
    .select(['step', 'party', 'days', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('month', '>=', fromMonth)
    .groupBy(['step', 'party', 'days'])
    .execute();
}

/**
 * Filings waiting for units right now: the units still to decide in the open round and the working days since the
 * round opened. Walks only in-review filings (index on state, waiting_units).
 */
export async function currentWaits(db: Db, today: string): Promise<{ waiting_units: string; days: number }[]> {
  const rows = await db
    .selectFrom('filings as f')
    .innerJoin('review_rounds as o', (j) => j.onRef('o.filing_id', '=', 'f.id').on('o.closed_at', 'is', null))
    .innerJoin('work_days as w', (j) => j.on('w.day', '=', sql<string>`date(o.opened_at, '+8 hours')`))
    .select(['f.waiting_units', sql<number>`(SELECT n FROM work_days WHERE day = ${today}) - w.n`.as('days')])
    .where('f.state', '=', 'in_review')
    .where('f.waiting_units', '!=', '')
    .execute();
  return rows.filter((r) => r.days !== null);
}

/** Open and overdue tracked items per verifying unit, on filings that are still live. */
export async function itemsByUnit(db: Db, today: string): Promise<{ unit: string; open: number; overdue: number }[]> {
  return db
    .selectFrom('tracked_items as t')
    .innerJoin('filings as f', 'f.id', 't.filing_id')
    .select([
      't.verifying_unit as unit',
      (eb) => eb.fn.countAll<number>().as('open'),
      sql<number>`SUM(t.due_date < ${today})`.as('overdue'),
    ])
    .where('t.state', 'in', ['open', 'supplied'])
    .where('f.state', 'not in', ['not_accepted', 'rejected', 'revoked', 'terminated', 'closed'])
    .groupBy('t.verifying_unit')
    .execute();
}

/** Per month from `fromDay`: filings first submitted, acceptance decisions and certificates issued. */
export async function monthlyThroughput(db: Db, fromMonth: string) {
  const fromInstant = new Date(`${fromMonth}-01T00:00:00+08:00`).toISOString();
  const [submitted, steps] = await Promise.all([
    db
      .selectFrom('filings')
      .select([sql<string>`substr(date(submitted_at, '+8 hours'), 1, 7)`.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('submitted_at', '>=', fromInstant)
      .groupBy('month')
      .execute(),
    db
      .selectFrom('step_durations')
      .select(['month', 'step', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('month', '>=', fromMonth)
      .where('step', 'in', ['acceptance', 'certificate'])
      .groupBy(['month', 'step'])
      .execute(),
  ]);
  return { submitted, steps };
}
