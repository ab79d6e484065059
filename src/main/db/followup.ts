import { sql } from 'kysely';
import type { Db, Trx } from './connection';
import type { TrackedItemRow } from './tracked-items';
import type { FollowupListInput } from '../../shared/contract/followup';
import type { UnitCode } from '../../shared/domain/units';
import { FINAL_STATES } from '../../shared/domain/states';
import { jsonText, localDay } from './dialect';

type Q = Db | Trx;

/** Attachments of a tracked item are stored under this pseudo material code, outside the review's facts. */
export const itemAttachmentCode = (itemId: number) => `item-${itemId}`;

/** A tracked item with the facts of its filing, as the follow-up list shows it. */
export interface ItemRow extends TrackedItemRow {
  closed_by_name: string | null;
  filing_no: string;
  project_name: string;
  applicant_name: string;
  filing_state: string;
}

const itemColumns = [
  't.id',
  't.filing_id',
  't.kind',
  't.material_code',
  't.text',
  't.verifying_unit',
  't.due_date',
  't.blocks',
  't.state',
  't.note',
  't.created_at',
  't.supplied_at',
  't.closed_at',
  'u.display_name as closed_by_name',
  'f.filing_no',
  'f.project_name',
  'f.applicant_name',
  'f.state as filing_state',
] as const;

const itemQuery = (db: Q) =>
  db
    .selectFrom('tracked_items as t')
    .innerJoin('filings as f', 'f.id', 't.filing_id')
    .leftJoin('users as u', 'u.id', 't.closed_by')
    .select(itemColumns);

export async function getItem(db: Q, id: number): Promise<ItemRow | null> {
  return (await itemQuery(db).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * Items by filing, verifying unit and state. `alertBefore` keeps only items still open (or supplied) and due on or
 * before that day: the reminder window and everything overdue. Sorted by due date, the most urgent first.
 */
export async function listItems(db: Q, input: FollowupListInput, alertBefore: string | null): Promise<{ total: number; rows: ItemRow[] }> {
  let q = itemQuery(db);
  if (input.filingId !== null) q = q.where('t.filing_id', '=', input.filingId);
  if (input.unit !== null) q = q.where('t.verifying_unit', '=', input.unit);
  if (input.states.length) q = q.where('t.state', 'in', input.states);
  if (alertBefore !== null) q = q.where('t.state', 'in', ['open', 'supplied']).where('t.due_date', '<=', alertBefore);
  // Items of ended filings are kept on file but are no longer anyone's task, unless one filing is asked for.
  if (input.filingId === null) q = q.where('f.state', 'not in', FINAL_STATES);
  const rows = await q
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .orderBy(sql`t.state IN ('closed','notApplied')`)
    .orderBy('t.due_date')
    .orderBy('t.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total: rows.length ? Number(rows[0]!.total) : 0, rows };
}

export async function itemAttachments(db: Q, itemIds: number[]) {
  if (!itemIds.length) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'material_code', 'name', 'mime', 'size', 'uploaded_at'])
    .where('material_code', 'in', itemIds.map(itemAttachmentCode))
    .orderBy('id')
    .execute();
}

export async function markSupplied(trx: Trx, id: number, note: string, at: string): Promise<void> {
  await trx.updateTable('tracked_items').set({ state: 'supplied', note, supplied_at: at }).where('id', '=', id).execute();
}

/** 销号 or not applied; the trigger of migration 004 refuses a close by anyone but the verifying unit's reviewer. */
export async function markEnded(trx: Trx, id: number, state: 'closed' | 'notApplied', note: string, at: string, by: number): Promise<void> {
  await trx.updateTable('tracked_items').set({ state, note, closed_at: at, closed_by: by }).where('id', '=', id).execute();
}

/** When a filing ends (terminated, revoked), what it still owed is no longer anyone's task: set not applied, with why. */
export async function endOpenItems(trx: Trx, filingId: number, note: string, at: string): Promise<number> {
  const res = await trx
    .updateTable('tracked_items')
    .set({ state: 'notApplied', note, closed_at: at })
    .where('filing_id', '=', filingId)
    .where('state', 'in', ['open', 'supplied'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function openItemsOf(db: Q, filingId: number) {
  return db
    .selectFrom('tracked_items')
    .select(['id', 'state', 'due_date', 'blocks', 'text', 'supplied_at'])
    .where('filing_id', '=', filingId)
    .where('state', 'in', ['open', 'supplied'])
    .orderBy('due_date')
    .execute();
}

/**
 * An item in breach, in SQL as domain/follow-up inBreach says it: open past its due date, or supplied late and not yet
 * verified and closed by its unit. A paper supplied on time is the unit's move, not a breach.
 */
const inBreachSql = (db: Q, today: string) =>
  sql<boolean>`t.due_date < ${today} AND (t.state = 'open' OR (t.state = 'supplied' AND (t.supplied_at IS NULL OR ${localDay(db, 't.supplied_at')} > t.due_date)))`;

/**
 * Filings with an item in breach, and suspended filings with none left (so a suspension can be lifted once each
 * overdue item is closed or set not applied), with the day the suspension began: the grace period counts from it.
 */
export async function breachCandidates(db: Q, today: string, filingId: number | null = null) {
  let q = db
    .selectFrom('filings as f')
    .select(['f.id', 'f.filing_no', 'f.state', 'f.version'])
    .select(
      sql<string | null>`(SELECT MIN(t.due_date) FROM tracked_items t WHERE t.filing_id = f.id AND ${inBreachSql(db, today)})`.as(
        'overdue_since',
      ),
    )
    .select(
      sql<string | null>`(SELECT ${localDay(db, 'e.at')} FROM filing_events e WHERE e.filing_id = f.id AND e.kind = 'followup.suspended'
        ORDER BY e.id DESC LIMIT 1)`.as('suspended_on'),
    )
    .where((eb) =>
      eb.or([
        eb('f.state', '=', 'suspended'),
        eb.exists(eb.selectFrom('tracked_items as t').select('t.id').whereRef('t.filing_id', '=', 'f.id').where(inBreachSql(db, today))),
      ]),
    )
    .where('f.state', 'not in', FINAL_STATES);
  if (filingId !== null) q = q.where('f.id', '=', filingId);
  return q.orderBy('f.id').execute();
}

/** Items for the notification centre: open or supplied, due on or before `until` (or supplied and waiting for `unit`). */
export async function dueItems(db: Q, until: string, unit: UnitCode | null) {
  let q = itemQuery(db)
    .where('t.state', 'in', ['open', 'supplied'])
    .where('f.state', 'not in', FINAL_STATES)
    .where((eb) => eb.or([eb('t.due_date', '<=', until), eb('t.state', '=', 'supplied')]));
  if (unit) q = q.where('t.verifying_unit', '=', unit);
  return q.orderBy('t.due_date').orderBy('t.id').limit(2000).execute();
}

export async function getRunPeriod(db: Q, filingId: number) {
  return (await db.selectFrom('run_periods').selectAll().where('filing_id', '=', filingId).executeTakeFirst()) ?? null;
}

export async function recordExtension(
  trx: Trx,
  a: { filingId: number; months: number; reason: string; at: string; by: string },
): Promise<void> {
  await trx
    .insertInto('run_periods')
    .values({ filing_id: a.filingId, extension_months: a.months, extension_reason: a.reason, extended_at: a.at, extended_by: a.by })
    .onConflict((oc) =>
      oc.column('filing_id').doUpdateSet({ extension_months: a.months, extension_reason: a.reason, extended_at: a.at, extended_by: a.by }),
    )
    .execute();
}

export async function recordClosure(
  trx: Trx,
  a: { filingId: number; how: 'dismantled' | 'sealed'; attachmentId: number; at: string; by: string },
): Promise<void> {
  await trx
    .insertInto('run_periods')
    .values({ filing_id: a.filingId, closed_how: a.how, closure_attachment_id: a.attachmentId, closed_at: a.at, closed_by: a.by })
    .onConflict((oc) =>
      oc.column('filing_id').doUpdateSet({ closed_how: a.how, closure_attachment_id: a.attachmentId, closed_at: a.at, closed_by: a.by }),
    )
    .execute();
}

/** Registered pilots whose run period ends on or before `until` (planned end, or the extension's), for reminders. */
export async function runPeriodsEnding(db: Q) {
  return db
    .selectFrom('filings as f')
    .innerJoin('filing_fields as ff', 'ff.filing_id', 'f.id')
    .leftJoin('run_periods as r', 'r.filing_id', 'f.id')
    .select([
      'f.id',
      'f.filing_no',
      'f.project_name',
      jsonText(db, 'ff.fields', ['project', 'plannedEnd']).as('planned_end'),
      'r.extension_months',
    ])
    .where('f.state', 'in', ['registered', 'suspended'])
    .execute();
}

/**
 * Rows for the exports (issue 6), streamed from SQLite one at a time so a million audit entries never sit in memory.
 * Raw statements on the better-sqlite3 handle: Kysely has no row iterator for this driver.
 */
export const EXPORT_QUERIES = {
  filings: `SELECT f.filing_no, f.state, f.applicant_name, f.credit_code, f.project_name, f.park_id, f.conditional, f.submitted_at,
      f.due_date, (SELECT date(p.started_at, '+8 hours') FROM clock_pauses p WHERE p.filing_id = f.id AND p.step = 'review'
        AND p.ended_at IS NULL ORDER BY p.started_at LIMIT 1) AS paused_since, f.next_item_due, json_extract(ff.fields, '$.project.plannedStart') AS planned_start,
      json_extract(ff.fields, '$.project.plannedEnd') AS planned_end, f.version, f.updated_at
    FROM filings f JOIN filing_fields ff ON ff.filing_id = f.id ORDER BY f.id`,
  items: `SELECT t.id, f.filing_no, f.project_name, t.kind, t.text, t.verifying_unit, t.due_date, t.blocks, t.state, t.note,
      t.created_at, t.supplied_at, t.closed_at
    FROM tracked_items t JOIN filings f ON f.id = t.filing_id ORDER BY t.id`,
  // Enterprise problems (issue 11), with the names of their category and lead unit and their latest blockage cause.
  problems: `SELECT p.problem_no, p.state, p.firm_name, p.credit_code, p.title, c.name_zh AS category, p.grade, d.name_zh AS lead,
      p.due_date, p.reassign_count, p.unsatisfied_count, p.solved_days,
      (SELECT b.class FROM problem_blockages b WHERE b.problem_id = p.id ORDER BY b.id DESC LIMIT 1) AS cause,
      p.created_at, p.closed_at
    FROM problems p JOIN problem_categories c ON c.code = p.category LEFT JOIN departments d ON d.code = p.lead ORDER BY p.id`,
  audit: `SELECT seq, at, actor_name, unit, action, target, outcome, hash FROM audit_log ORDER BY seq`,
} as const;

/** A paper filed through the follow-up area (an item's supply or a closure report), for its download route. */
export async function followupAttachment(db: Q, id: number) {
  return (
    (await db
      .selectFrom('attachments')
      .select(['id', 'sha256', 'name', 'mime', 'material_code'])
      .where('id', '=', id)
      .where((eb) => eb.or([eb('material_code', 'like', 'item-%'), eb('material_code', '=', 'closure-report')]))
      .executeTakeFirst()) ?? null
  );
}
