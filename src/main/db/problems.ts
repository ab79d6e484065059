import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Actor } from '../../shared/contract/auth';
import type { Department, ProblemCategory } from '../../shared/contract/problems-views';
import type { DepartmentKind, ProblemPolicy } from '../../shared/domain/problems';
import { UNIT_CODES } from '../../shared/domain/units';
import type { Trx } from './connection';
import type { ProblemTables } from './schema-problems';
import type { Q } from './problems-schema';

/** All SQL of the enterprise-problem area (domain §12): settings tables, the problem row and its history. */

export type ProblemRecord = Selectable<ProblemTables['problems']>;
type Ins<T extends keyof ProblemTables> = Insertable<ProblemTables[T]>;

export async function listDepartments(db: Q): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('sort').execute();
  return rows.map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind as DepartmentKind,
    reviewUnit: (UNIT_CODES as readonly string[]).includes(r.code),
    active: r.active === 1,
  }));
}

export async function listCategories(db: Q): Promise<ProblemCategory[]> {
  const rows = await db.selectFrom('problem_categories').selectAll().orderBy('sort').execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, active: r.active === 1 }));
}

export async function loadPolicy(db: Q): Promise<ProblemPolicy> {
  const r = await db.selectFrom('problem_policy').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    coordinator: r.coordinator,
    limits: { park: r.park_days, district: r.district_days, city: r.city_days },
    reportEveryDays: r.report_every_days,
    reminderAfterDays: r.reminder_after_days,
    warningDays: r.warning_days,
  };
}

/** An account's department: an explicit membership, else a reviewer's unit, else a clerk's desk (sp); else none. */
export async function departmentOf(db: Q, actor: Actor | null): Promise<string | null> {
  if (!actor || actor.role === 'admin') return null;
  const m = await db.selectFrom('department_members').select('department').where('user_id', '=', actor.id).executeTakeFirst();
  if (m) return m.department;
  if (actor.role === 'reviewer') return actor.unit;
  if (actor.role === 'clerk') return 'sp';
  return null;
}

export async function setDepartment(trx: Trx, userId: number, department: string | null): Promise<void> {
  await trx.deleteFrom('department_members').where('user_id', '=', userId).execute();
  if (department) await trx.insertInto('department_members').values({ user_id: userId, department }).execute();
}

export async function getProblem(db: Q, id: number): Promise<ProblemRecord | null> {
  return (await db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function nextProblemNo(trx: Trx, year: string): Promise<string> {
  const r = await trx
    .selectFrom('problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('problem_no', 'like', `SQ${year}%`)
    .executeTakeFirstOrThrow();
  return `SQ${year}${String(Number(r.n) + 1).padStart(5, '0')}`;
}

export async function insertProblem(trx: Trx, values: Ins<'problems'>): Promise<number> {
  const r = await trx.insertInto('problems').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a problem only at the version the caller saw; false when someone changed it first. */
export async function updateProblem(
  trx: Trx,
  id: number,
  version: number | null,
  set: Omit<Updateable<ProblemTables['problems']>, 'id' | 'version'>,
): Promise<boolean> {
  let q = trx
    .updateTable('problems')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAttachment(trx: Trx, v: Ins<'problem_attachments'>): Promise<void> {
  await trx.insertInto('problem_attachments').values(v).execute();
}

export async function getProblemAttachment(db: Q, id: number) {
  return (await db.selectFrom('problem_attachments').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function openAssignment(trx: Trx, v: Ins<'problem_assignments'>): Promise<void> {
  await trx.insertInto('problem_assignments').values(v).execute();
}

export async function closeAssignment(trx: Trx, problemId: number, at: string): Promise<void> {
  await trx.updateTable('problem_assignments').set({ to_at: at }).where('problem_id', '=', problemId).where('to_at', 'is', null).execute();
}

export async function insertReport(trx: Trx, v: Ins<'problem_reports'>): Promise<void> {
  await trx.insertInto('problem_reports').values(v).execute();
}

export async function insertVisit(trx: Trx, v: Ins<'problem_visits'>): Promise<void> {
  await trx.insertInto('problem_visits').values(v).execute();
}

export async function insertBlockage(trx: Trx, v: Ins<'problem_blockages'>): Promise<void> {
  await trx.insertInto('problem_blockages').values(v).execute();
}

export async function startPause(trx: Trx, problemId: number, from: string, reason: string): Promise<void> {
  await trx.insertInto('problem_pauses').values({ problem_id: problemId, from_date: from, to_date: null, reason }).execute();
}

export async function endPause(trx: Trx, problemId: number, to: string): Promise<void> {
  await trx.updateTable('problem_pauses').set({ to_date: to }).where('problem_id', '=', problemId).where('to_date', 'is', null).execute();
}

/** Everything a problem's page and map show, in the order it happened. */
export async function problemHistory(db: Q, id: number) {
  const k = db;
  const [attachments, assignments, reports, pauses, visits, blockages] = await Promise.all([
    k.selectFrom('problem_attachments').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
    k.selectFrom('problem_assignments').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
    k.selectFrom('problem_reports').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
    k.selectFrom('problem_pauses').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
    k.selectFrom('problem_visits').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
    k.selectFrom('problem_blockages').selectAll().where('problem_id', '=', id).orderBy('id').execute(),
  ]);
  return { attachments, assignments, reports, pauses, visits, blockages };
}
export type ProblemHistory = Awaited<ReturnType<typeof problemHistory>>;

export async function insertProblemAgenda(trx: Trx, meetingId: number, problemIds: readonly number[]): Promise<void> {
  for (const [position, problemId] of problemIds.entries())
    await trx.insertInto('problem_meeting_agenda').values({ meeting_id: meetingId, position, problem_id: problemId }).execute();
}

export async function problemAgenda(db: Q, meetingId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('problem_meeting_agenda')
    .select('problem_id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.problem_id);
}
