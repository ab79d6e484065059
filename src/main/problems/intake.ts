import type { ParsedInput } from '../../shared/contract';
import { addWorkingDays, officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import { assignmentProblem, gradeProblem, suggestGrade, type DepartmentKind, type ProblemPolicy } from '../../shared/domain/problems';
import { DeskError } from '../../shared/result';
import type { Ctx, WriteScope } from '../services';
import {
  departmentOf,
  insertAttachment,
  insertProblem,
  listCategories,
  nextProblemNo,
  openAssignment,
  updateProblem,
} from '../db/problems';
import { deptList } from '../db/problems-schema';
import { getFiling } from '../db/filings';
import { authorize, invalid, requireDepartments } from './guard';

type StoredFile = { sha256: string; mime: string; size: number; name: string };

/** Links the problem to the firm's filing: the one named (same credit code), else the firm's latest filing. */
async function filingLink(scope: WriteScope, creditCode: string, filingId: number | null): Promise<number | null> {
  if (filingId !== null) {
    const f = await getFiling(scope.trx, filingId);
    if (!f) throw invalid('filingId', 'err.NOT_FOUND');
    if (f.fields.applicant.creditCode !== creditCode) throw invalid('filingId', 'pr.filingOtherFirm');
    return f.id;
  }
  const latest = await scope.trx
    .selectFrom('filings')
    .select('id')
    .where('credit_code', '=', creditCode)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return latest?.id ?? null;
}

/** Any department's account may enter a problem (a commissioner's visit, the firm's own request, …). */
export async function createProblem(
  scope: WriteScope,
  ctx: Ctx,
  input: ParsedInput<'problem.create'>,
  files: StoredFile[],
): Promise<number> {
  const { trx } = scope;
  const dept = await departmentOf(trx, ctx.actor);
  if (!dept) throw new DeskError('FORBIDDEN', 'pr.noDepartment');
  const category = (await listCategories(trx)).find((c) => c.code === input.category && c.active);
  if (!category) throw invalid('category', 'v.choice');
  const now = ctx.now.toISOString();
  const id = await insertProblem(trx, {
    problem_no: await nextProblemNo(trx, toIsoDate(ctx.now).slice(0, 4)),
    credit_code: input.creditCode,
    firm_name: input.firmName,
    filing_id: await filingLink(scope, input.creditCode, input.filingId),
    title: input.title,
    request: input.request,
    source: input.source,
    category: input.category,
    start_date: null,
    limit_days: null,
    due_date: null,
    last_report_date: null,
    paused_since: null,
    solved_days: null,
    is_demo: ctx.actor?.isDemo ? 1 : 0,
    created_by: ctx.actor?.id ?? null,
    created_dept: dept,
    created_at: now,
    dispatched_at: null,
    closed_at: null,
    updated_at: now,
  });
  for (const f of files)
    await insertAttachment(trx, {
      problem_id: id,
      sha256: f.sha256,
      name: f.name,
      mime: f.mime,
      size: f.size,
      uploaded_at: now,
      uploaded_by: ctx.actor?.id ?? null,
    });
  await scope.audit({
    action: 'problem.create',
    target: `problem:${id}`,
    after: {
      creditCode: input.creditCode,
      title: input.title,
      source: input.source,
      category: input.category,
      dept,
      files: files.map((f) => f.sha256),
    },
  });
  return id;
}

/** The grade the rule suggests for a lead and its co-operating units, from the departments' kinds. */
export function suggestedFor(kinds: Map<string, string>, lead: string, cooperating: readonly string[]) {
  const of = (code: string) => ({ code, kind: kinds.get(code) as DepartmentKind });
  return suggestGrade({ lead: of(lead), cooperating: cooperating.map(of) });
}

export function deadlineFor(policy: ProblemPolicy, grade: keyof ProblemPolicy['limits'], start: string) {
  const limit = policy.limits[grade];
  return { limit, due: addWorkingDays(officialCalendar, start, limit) };
}

/** Only the coordinator dispatches: lead, co-operating units, grade (suggested or overridden with a reason), deadline. */
export async function dispatchProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.dispatch'>): Promise<void> {
  const { trx } = scope;
  const { policy, problem } = await authorize(trx, ctx, 'dispatch', input.problemId, input.version);
  const fault = assignmentProblem(input.lead, input.cooperating);
  if (fault) throw invalid('cooperating', fault);
  const kinds = await requireDepartments(trx, {
    lead: input.lead,
    ...Object.fromEntries(input.cooperating.map((c, i) => [`cooperating.${i}`, c])),
  });
  const suggested = suggestedFor(kinds, input.lead, input.cooperating);
  const gradeFault = gradeProblem(input.grade, suggested.grade, input.gradeReason);
  if (gradeFault) throw invalid('gradeReason', gradeFault);
  const today = toIsoDate(ctx.now);
  const now = ctx.now.toISOString();
  const { limit, due } = deadlineFor(policy, input.grade, today);
  await updateProblem(trx, problem.id, input.version, {
    state: 'dispatched',
    lead: input.lead,
    cooperating: deptList(input.cooperating),
    grade: input.grade,
    suggested_grade: suggested.grade,
    grade_reason: input.gradeReason,
    next_step: input.opinion,
    start_date: today,
    limit_days: limit,
    due_date: due,
    dispatched_at: now,
    updated_at: now,
  });
  await openAssignment(trx, {
    problem_id: problem.id,
    lead: input.lead,
    cooperating: deptList(input.cooperating),
    meeting_id: input.meetingId,
    opinion: input.opinion,
    limit_days: limit,
    from_at: now,
    by_id: ctx.actor?.id ?? null,
    by_name: ctx.actor?.displayName ?? null,
  });
  await scope.audit({
    action: 'problem.dispatch',
    target: `problem:${problem.id}`,
    before: { state: problem.state },
    after: {
      lead: input.lead,
      cooperating: input.cooperating,
      grade: input.grade,
      suggested: suggested.grade,
      due,
      meetingId: input.meetingId,
    },
  });
}
