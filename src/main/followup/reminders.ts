/**
 * The notification centre (domain §9): items due within the reminder days (5 and 1 working days by default),
 * overdue items, supplied papers waiting for the unit's check, and run periods about to end. Computed on request
 * from the items' due dates, so it is right on any day without a job having run.
 */
import type { Actor } from '../../shared/contract/auth';
import type { Notification, Notifications } from '../../shared/contract/followup';
import type { Settings } from '../../shared/schemas/settings';
import type { UnitCode } from '../../shared/domain/units';
import { alertOf } from './alert';
import { addMonths, addWorkingDays, dayNumber, officialCalendar } from '../../shared/domain/calendar';
import type { Db } from '../db/connection';
import { dueItems, runPeriodsEnding } from '../db/followup';

/** A run period shows in the bell this many calendar days before it ends. */
export const RUN_PERIOD_NOTICE_DAYS = 30;
const MAX_ITEMS = 200;
const RANK: Record<Notification['kind'], number> = { overdue: 0, dueSoon: 1, reminder: 2, runPeriodEnding: 3, awaitingVerification: 4 };

export async function buildNotifications(db: Db, actor: Actor, settings: Settings, today: string): Promise<Notifications> {
  // A reviewer sees their own unit's items; clerks, observers and administrators see every unit.
  const unit: UnitCode | null = actor.role === 'reviewer' ? actor.unit : null;
  const window = Math.max(0, ...settings.timeLimits.reminderDays);
  const out: Notification[] = [];
  for (const r of await dueItems(db, addWorkingDays(officialCalendar, today, window), unit)) {
    const { alert, daysLeft } = alertOf({
      dueDate: r.due_date,
      today,
      state: r.state as 'open' | 'supplied',
      reminderDays: settings.timeLimits.reminderDays,
    });
    // A supplied paper is the verifying unit's move (domain §9): counted as awaiting verification, never as overdue.
    const kind = r.state === 'supplied' ? 'awaitingVerification' : alert !== 'none' ? alert : null;
    if (!kind) continue;
    out.push({
      kind,
      filingId: r.filing_id,
      filingNo: r.filing_no,
      projectName: r.project_name,
      itemId: r.id,
      text: r.text,
      unit: r.verifying_unit as UnitCode,
      dueDate: r.due_date,
      daysLeft,
    });
  }
  // Run-period monitoring is the park's duty (domain §2); the desk and observers see it too.
  if (unit === null || unit === 'yq') {
    for (const p of await runPeriodsEnding(db)) {
      if (!p.planned_end) continue;
      const end = p.extension_months ? addMonths(p.planned_end, p.extension_months) : p.planned_end;
      const daysLeft = dayNumber(end) - dayNumber(today);
      if (daysLeft > RUN_PERIOD_NOTICE_DAYS) continue;
      out.push({
        kind: 'runPeriodEnding',
        filingId: p.id,
        filingNo: p.filing_no,
        projectName: p.project_name,
        itemId: null,
        text: '',
        unit: 'yq',
        dueDate: end,
        daysLeft,
      });
    }
  }
  const counts = { overdue: 0, dueSoon: 0, reminder: 0, awaitingVerification: 0, runPeriodEnding: 0 };
  for (const n of out) counts[n.kind]++;
  out.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.daysLeft - b.daysLeft || a.filingId - b.filingId);
  return { today, counts, items: out.slice(0, MAX_ITEMS) };
}
