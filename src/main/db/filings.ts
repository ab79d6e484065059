import { sql } from 'kysely';
import type { Db, Trx } from './connection';
import { localDay } from './dialect';
import type { FilingFields } from '../../shared/schemas/filing';
import type { FilingState } from '../../shared/domain/states';
import type { Moved } from '../../shared/domain/transitions';

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

export function toRecord(r: {
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
export const pausedSince = (db: Q) => sql<string | null>`(SELECT ${localDay(db, 'p.started_at')} FROM clock_pauses p
  WHERE p.filing_id = filings.id AND p.step = 'review' AND p.ended_at IS NULL ORDER BY p.started_at LIMIT 1)`;

/** The one read of a filing's record (its row and fields), also embedded whole in getReviewState. */
export const filingQuery = (db: Q, id: number) =>
  db
    .selectFrom('filings')
    .innerJoin('filing_fields', 'filing_fields.filing_id', 'filings.id')
    .select(recordColumns)
    .select(pausedSince(db).as('paused_since'))
    .where('id', '=', id);

export async function getFiling(db: Q, id: number): Promise<FilingRecord | null> {
  const r = await filingQuery(db, id).executeTakeFirst();
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
    /** Only from the transition table (requireTransition): no state changes by any other road. */
    state: Moved;
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

/** Each material's state with the SHA-256 of its attachments, oldest first, in one statement (a decision's facts). */
export async function getPapers(db: Q, filingId: number) {
  const rows = await db
    .selectFrom('filing_materials as m')
    .leftJoin('attachments as a', (j) => j.onRef('a.filing_id', '=', 'm.filing_id').onRef('a.material_code', '=', 'm.code'))
    .select(['m.code', 'm.state', 'a.sha256'])
    .where('m.filing_id', '=', filingId)
    .orderBy('a.id')
    .execute();
  const papers = new Map<string, { code: string; state: string; attachmentHashes: string[] }>();
  for (const r of rows) {
    const paper = papers.get(r.code) ?? { code: r.code, state: r.state, attachmentHashes: [] };
    papers.set(r.code, paper);
    if (r.sha256 !== null) paper.attachmentHashes.push(r.sha256);
  }
  return [...papers.values()];
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
