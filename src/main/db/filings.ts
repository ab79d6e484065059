import { sql } from 'kysely';
import type { Db, Trx } from './connection';
import type { FilingFields } from '../../shared/schemas/filing';
import { LIST_COUNT_CAP, type FilingListInput, type FilingRow, type TrackedItem } from '../../shared/contract/filings';
import type { FilingState } from '../../shared/domain/states';
import type { UnitCode } from '../../shared/domain/units';
import { clockToday } from '../../shared/domain/clock';
import { officialCalendar } from '../../shared/domain/calendar';

type Q = Db | Trx;

export interface FilingRecord {
  id: number;
  filingNo: string;
  state: FilingState;
  version: number;
  fields: FilingFields;
  acceptance: unknown;
  conditional: boolean;
  step: string | null;
  /** The step's due date with closed pauses counted (domain §7); read it through the one clock, clockToday. */
  dueDate: string | null;
  /** The desk date the open review pause began, or null while the clock runs. */
  pausedSince: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

function toRecord(r: {
  id: number;
  filing_no: string;
  state: string;
  version: number;
  fields: string;
  acceptance: string | null;
  conditional: number;
  step: string | null;
  due_date: string | null;
  paused_since: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}): FilingRecord {
  return {
    id: r.id,
    filingNo: r.filing_no,
    state: r.state as FilingState,
    version: r.version,
    fields: JSON.parse(r.fields) as FilingFields,
    acceptance: r.acceptance ? JSON.parse(r.acceptance) : null,
    conditional: r.conditional === 1,
    step: r.step,
    dueDate: r.due_date,
    pausedSince: r.paused_since,
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  };
}

const recordColumns = [
  'id',
  'filing_no',
  'state',
  'version',
  'filing_fields.fields as fields',
  'acceptance',
  'conditional',
  'step',
  'due_date',
  'is_demo',
  'created_at',
  'updated_at',
  'submitted_at',
] as const;

/**
 * The desk date (Asia/Shanghai, no DST) the filing's open review pause began: with due_date, all the one clock needs
 * (domain §7). Read from clock_pauses so no second copy of the pause can drift from it.
 */
export const pausedSince = sql<string | null>`(SELECT date(p.started_at, '+8 hours') FROM clock_pauses p
  WHERE p.filing_id = filings.id AND p.step = 'review' AND p.ended_at IS NULL ORDER BY p.started_at LIMIT 1)`;

export async function getFiling(db: Q, id: number): Promise<FilingRecord | null> {
  const r = await db
    .selectFrom('filings')
    .innerJoin('filing_fields', 'filing_fields.filing_id', 'filings.id')
    .select(recordColumns)
    .select(pausedSince.as('paused_since'))
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** Filing numbers: ZS-<year>-<6 digits>, one sequence per year, taken inside the creating transaction. */
export async function nextFilingNo(trx: Trx, year: number): Promise<string> {
  const key = `filing_seq_${year}`;
  const row = await trx.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  const next = (row ? Number(row.value) : 0) + 1;
  await trx
    .insertInto('meta')
    .values({ key, value: String(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(next) }))
    .execute();
  return `ZS-${year}-${String(next).padStart(6, '0')}`;
}

const searchColumns = (f: FilingFields) => ({
  applicant_name: f.applicant.name,
  credit_code: f.applicant.creditCode,
  project_name: f.project.name,
  park_id: f.project.parkId,
});

export async function insertFiling(
  trx: Trx,
  a: {
    filingNo: string;
    fields: FilingFields;
    createdBy: number | null;
    now: string;
    materialCodes: string[];
    isDemo?: boolean;
    state?: FilingState;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('filings')
    .values({
      filing_no: a.filingNo,
      state: a.state ?? 'draft',
      ...searchColumns(a.fields),
      is_demo: a.isDemo ? 1 : 0,
      created_by: a.createdBy,
      created_at: a.now,
      updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('filing_fields')
    .values({ filing_id: id, fields: JSON.stringify(a.fields) })
    .execute();
  if (a.materialCodes.length)
    await trx
      .insertInto('filing_materials')
      .values(a.materialCodes.map((code) => ({ filing_id: id, code, state: 'missing', note: '', updated_at: a.now })))
      .execute();
  return id;
}

/**
 * Optimistic concurrency: every change names the version it was based on. Zero rows updated means someone
 * else saved first; the caller answers STALE with the current record.
 */
export async function bumpVersion(
  trx: Trx,
  id: number,
  expected: number,
  now: string,
  set: Partial<{
    fields: FilingFields;
    state: FilingState;
    acceptance: unknown;
    conditional: boolean;
    step: string | null;
    due_date: string | null;
    submitted_at: string | null;
    waiting_units: string;
    next_item_due: string | null;
  }> = {},
): Promise<boolean> {
  const values: Record<string, unknown> = { version: sql`version + 1`, updated_at: now };
  if (set.fields) Object.assign(values, searchColumns(set.fields));
  if (set.state) values.state = set.state;
  if ('acceptance' in set) values.acceptance = set.acceptance === null ? null : JSON.stringify(set.acceptance);
  if ('conditional' in set) values.conditional = set.conditional ? 1 : 0;
  for (const k of ['step', 'due_date', 'submitted_at', 'waiting_units', 'next_item_due'] as const) if (k in set) values[k] = set[k];
  const res = await trx.updateTable('filings').set(values).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  if (set.fields)
    await trx
      .updateTable('filing_fields')
      .set({ fields: JSON.stringify(set.fields) })
      .where('filing_id', '=', id)
      .execute();
  return true;
}

export async function getMaterials(db: Q, filingId: number) {
  return db.selectFrom('filing_materials').select(['code', 'state', 'note']).where('filing_id', '=', filingId).execute();
}

export async function setMaterial(
  trx: Trx,
  filingId: number,
  code: string,
  state: 'present' | 'missing',
  note: string,
  now: string,
): Promise<void> {
  await trx
    .insertInto('filing_materials')
    .values({ filing_id: filingId, code, state, note, updated_at: now })
    .onConflict((oc) => oc.columns(['filing_id', 'code']).doUpdateSet({ state, note, updated_at: now }))
    .execute();
}

export async function getAttachment(db: Q, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getAttachments(db: Q, filingId: number) {
  return db.selectFrom('attachments').selectAll().where('filing_id', '=', filingId).orderBy('id').execute();
}

export async function insertAttachment(
  trx: Trx,
  a: { filingId: number; code: string; sha256: string; name: string; mime: string; size: number; now: string; by: number | null },
) {
  return (
    await trx
      .insertInto('attachments')
      .values({
        filing_id: a.filingId,
        material_code: a.code,
        sha256: a.sha256,
        name: a.name,
        mime: a.mime,
        size: a.size,
        uploaded_at: a.now,
        uploaded_by: a.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function getTrackedItems(db: Q, filingId: number): Promise<TrackedItem[]> {
  const rows = await db
    .selectFrom('tracked_items')
    .selectAll()
    .where('filing_id', '=', filingId)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filingId: r.filing_id,
    kind: r.kind as TrackedItem['kind'],
    materialCode: r.material_code,
    text: r.text,
    verifyingUnit: r.verifying_unit as UnitCode,
    dueDate: r.due_date,
    blocks: r.blocks as TrackedItem['blocks'],
    state: r.state as TrackedItem['state'],
    note: r.note,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  }));
}

export async function insertTrackedItem(
  trx: Trx,
  a: {
    filingId: number;
    kind: 'material' | 'condition';
    materialCode: string | null;
    text: string;
    verifyingUnit: UnitCode;
    dueDate: string;
    blocks: 'notice' | 'hold' | 'lock';
    now: string;
    sourceDecisionId?: number | null;
  },
): Promise<number> {
  return (
    await trx
      .insertInto('tracked_items')
      .values({
        filing_id: a.filingId,
        kind: a.kind,
        material_code: a.materialCode,
        text: a.text,
        verifying_unit: a.verifyingUnit,
        due_date: a.dueDate,
        blocks: a.blocks,
        state: 'open',
        note: '',
        source_decision_id: a.sourceDecisionId ?? null,
        created_at: a.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Keeps the list's denormalised "earliest open item" column in step with tracked_items. */
export async function refreshNextItemDue(trx: Trx, filingId: number): Promise<void> {
  await trx
    .updateTable('filings')
    .set({
      next_item_due: sql`(SELECT MIN(due_date) FROM tracked_items WHERE filing_id = ${filingId} AND state IN ('open','supplied'))`,
    })
    .where('id', '=', filingId)
    .execute();
}

export async function insertEvent(
  trx: Trx,
  a: {
    filingId: number;
    at: string;
    kind: string;
    actorId: number | null;
    actorName: string | null;
    unit: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('filing_events')
    .values({
      filing_id: a.filingId,
      at: a.at,
      kind: a.kind,
      actor_id: a.actorId,
      actor_name: a.actorName,
      unit: a.unit,
      detail: JSON.stringify(a.detail ?? {}),
    })
    .execute();
}

export async function getPauses(db: Q, filingId: number) {
  return db.selectFrom('clock_pauses').selectAll().where('filing_id', '=', filingId).orderBy('started_at').execute();
}

const sortColumn = {
  filingNo: 'filing_no',
  applicantName: 'applicant_name',
  creditCode: 'credit_code',
  projectName: 'project_name',
  state: 'state',
  parkId: 'park_id',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  dueDate: 'due_date',
} as const;

/** FTS5 trigram needs at least 3 characters; quotes are doubled so the query is one literal phrase. */
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface ListRow {
  id: number;
  filing_no: string;
  state: string;
  applicant_name: string;
  credit_code: string;
  project_name: string;
  park_id: string;
  updated_at: string;
  submitted_at: string | null;
  due_date: string | null;
  paused_since: string | null;
  next_item_due: string | null;
  conditional: number;
  is_demo: number;
}

/** Above this many text matches, walking the sort index and probing the match set beats sorting the matches. */
const DENSE_MATCHES = 2_000;

export async function listFilings(db: Q, input: FilingListInput, today: string): Promise<{ total: number; rows: FilingRow[] }> {
  let q = db.selectFrom('filings');
  const query = input.query;
  const otherFilters = input.states.length > 0 || input.parkId !== null || input.unit !== null || input.overdueOnly;
  let ftsCount: number | null = null;
  if (query) {
    const upper = query.toUpperCase();
    if ([...query].length >= 3) {
      const phrase = ftsPhrase(query);
      // Counted only as far as the choice below needs (and the list's count cap, which is smaller).
      ftsCount = Number(
        (
          await db
            .selectFrom(
              db
                .selectFrom('filings_fts')
                .select(sql`1`.as('x'))
                .where(sql<boolean>`filings_fts MATCH ${phrase}`)
                .limit(DENSE_MATCHES + 1)
                .as('m'),
            )
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (ftsCount === 0) return { total: 0, rows: [] };
      // Few matches: fetch them by rowid, filter and sort them. Many matches: walk an index (the sort column's, or a
      // filter's) and probe the match set, stopping at one page (the unary + keeps SQLite off the rowid list).
      q = q.where(
        ftsCount > DENSE_MATCHES
          ? sql<boolean>`+filings.id IN (SELECT rowid FROM filings_fts WHERE filings_fts MATCH ${phrase})`
          : sql<boolean>`filings.id IN (SELECT rowid FROM filings_fts WHERE filings_fts MATCH ${phrase})`,
      );
    } else {
      const pattern = likePattern(query);
      q = q.where((eb) =>
        eb.or([
          eb('applicant_name', 'like', sql<string>`${pattern} ESCAPE '\\'`),
          eb('project_name', 'like', sql<string>`${pattern} ESCAPE '\\'`),
          eb('filing_no', 'like', sql<string>`${likePattern(upper)} ESCAPE '\\'`),
          eb('credit_code', 'like', sql<string>`${likePattern(upper)} ESCAPE '\\'`),
        ]),
      );
    }
  }
  if (input.states.length) q = q.where('state', 'in', input.states);
  if (input.parkId) q = q.where('park_id', '=', input.parkId);
  if (input.unit) q = q.where('waiting_units', 'like', `%,${input.unit},%`);
  // The index on earliest_due narrows to candidates; the step's part is then the one clock's own test (domain §7):
  // days left = n(due) − n(pause start, else today) on the working-day table, so a paused step stays as it was.
  if (input.overdueOnly)
    q = q
      .where('earliest_due', '<', today)
      .where(
        sql<boolean>`(next_item_due < ${today} OR (SELECT n FROM work_days WHERE day = COALESCE(${pausedSince}, ${today})) > (SELECT n FROM work_days WHERE day = due_date))`,
      );

  const col = sortColumn[input.sort];
  const columns = [
    'id',
    'filing_no',
    'state',
    'applicant_name',
    'credit_code',
    'project_name',
    'park_id',
    'updated_at',
    'submitted_at',
    'due_date',
    'next_item_due',
    'conditional',
    'is_demo',
  ] as const;
  const page = () =>
    q
      .select(columns)
      .select(pausedSince.as('paused_since'))
      .orderBy(col, input.dir)
      .orderBy('id', input.dir)
      .limit(input.limit)
      .offset(input.offset)
      .execute() as Promise<ListRow[]>;
  const countCapped = async () =>
    Number(
      (
        await db
          .selectFrom(
            q
              .select(sql`1`.as('x'))
              .limit(LIST_COUNT_CAP + 1)
              .as('c'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const rows = await page();
  const total =
    !query && !otherFilters
      ? Number(
          (
            await db
              .selectFrom('filings')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : ftsCount !== null && !otherFilters
        ? Math.min(ftsCount, LIST_COUNT_CAP + 1)
        : await countCapped();
  const ids = rows.map((r) => r.id);
  const items = ids.length
    ? await db
        .selectFrom('tracked_items')
        .select(['filing_id', 'due_date'])
        .where('filing_id', 'in', ids)
        .where('state', 'in', ['open', 'supplied'])
        .orderBy('due_date')
        .execute()
    : [];
  const clockOf = (r: ListRow) =>
    r.due_date ? clockToday({ baseDue: r.due_date, pausedSince: r.paused_since, today, warningDays: 0, calendar: officialCalendar }) : null;
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      filingNo: r.filing_no,
      state: r.state as FilingState,
      applicantName: r.applicant_name,
      creditCode: r.credit_code,
      projectName: r.project_name,
      parkId: r.park_id,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      dueDate: clockOf(r)?.dueDate ?? null,
      overdue: (clockOf(r)?.daysLeft ?? 0) < 0 || (r.next_item_due !== null && r.next_item_due < today),
      conditional: r.conditional === 1,
      itemDueDates: items.filter((i) => i.filing_id === r.id).map((i) => i.due_date),
      isDemo: r.is_demo === 1,
    })),
  };
}
