import type { ParsedInput } from '../../shared/contract';
import type { BlockageInputValue } from '../../shared/contract/problems';
import { officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import { stepClock } from '../../shared/domain/clock';
import { assignmentProblem, blockageRequired, nextState, type ProblemGrade } from '../../shared/domain/problems';
import type { Ctx, WriteScope } from '../services';
import {
  closeAssignment,
  endPause,
  insertBlockage,
  insertReport,
  insertVisit,
  openAssignment,
  problemHistory,
  startPause,
  updateProblem,
  type ProblemRecord,
} from '../db/problems';
import { deptList } from '../db/problems-schema';
import { authorize, checkBlockage, invalid, requireDepartments } from './guard';
import { deadlineFor } from './intake';
import { toPauses } from './view';

/** Progress, hand-overs, pauses, the lead unit's "solved" and the return visit that closes (domain §12). */

const who = (ctx: Ctx) => ({ id: ctx.actor?.id ?? null, name: ctx.actor?.displayName ?? null });

async function recordCause(
  scope: WriteScope,
  ctx: Ctx,
  p: ProblemRecord,
  trigger: 'overdue' | 'extend' | 'reassign',
  b: BlockageInputValue | null,
) {
  if (!b) return;
  await insertBlockage(scope.trx, {
    problem_id: p.id,
    at: ctx.now.toISOString(),
    trigger,
    class: b.class,
    unit: b.unit,
    lead: p.lead!,
    category: p.category,
    text: b.text,
  });
}

/** The lead unit's progress (moves the report cadence on) or any involved department's note. */
export async function reportProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.report'>): Promise<void> {
  const { dept, problem } = await authorize(scope.trx, ctx, input.kind, input.problemId, null);
  const now = ctx.now.toISOString();
  await insertReport(scope.trx, {
    problem_id: problem.id,
    kind: input.kind,
    department: dept,
    at: now,
    author_id: who(ctx).id,
    author_name: who(ctx).name,
    text: input.text,
  });
  await updateProblem(
    scope.trx,
    problem.id,
    null,
    input.kind === 'progress' ? { last_report_date: toIsoDate(ctx.now), updated_at: now } : { updated_at: now },
  );
  await scope.audit({ action: 'problem.report', target: `problem:${problem.id}`, after: { kind: input.kind, dept } });
}

/** The desk hands the problem to another lead unit; the new unit's clock starts afresh by grade. */
export async function reassignProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.reassign'>): Promise<void> {
  const { trx } = scope;
  const { policy, problem } = await authorize(trx, ctx, 'reassign', input.problemId, input.version);
  if (input.lead === problem.lead) throw invalid('lead', 'pr.assign.sameLead');
  const fault = assignmentProblem(input.lead, input.cooperating);
  if (fault) throw invalid('cooperating', fault);
  await requireDepartments(trx, { lead: input.lead, ...Object.fromEntries(input.cooperating.map((c, i) => [`cooperating.${i}`, c])) });
  const today = toIsoDate(ctx.now);
  await checkBlockage(trx, input.blockage, blockageRequired({ today, dueDate: problem.due_date!, extending: false }));
  await recordCause(scope, ctx, problem, 'reassign', input.blockage);
  const now = ctx.now.toISOString();
  const { limit, due } = deadlineFor(policy, problem.grade as ProblemGrade, today);
  await closeAssignment(trx, problem.id, now);
  await openAssignment(trx, {
    problem_id: problem.id,
    lead: input.lead,
    cooperating: deptList(input.cooperating),
    meeting_id: null,
    opinion: problem.next_step,
    reason: input.reason,
    limit_days: limit,
    from_at: now,
    by_id: who(ctx).id,
    by_name: who(ctx).name,
  });
  await updateProblem(trx, problem.id, input.version, {
    lead: input.lead,
    cooperating: deptList(input.cooperating),
    start_date: today,
    limit_days: limit,
    due_date: due,
    last_report_date: null,
    reassign_count: problem.reassign_count + 1,
    updated_at: now,
  });
  await scope.audit({
    action: 'problem.reassign',
    target: `problem:${problem.id}`,
    before: { lead: problem.lead },
    after: { lead: input.lead, cooperating: input.cooperating, reason: input.reason, cause: input.blockage?.class ?? null },
  });
}

/** The due date of the current clock with every recorded pause, after a pause ends or the limit grows. */
async function dueWithPauses(scope: WriteScope, p: ProblemRecord, limitDays: number, today: string): Promise<string> {
  const pauses = toPauses((await problemHistory(scope.trx, p.id)).pauses).filter((x) => x.to === null || x.to > p.start_date!);
  return stepClock({ start: p.start_date!, limitDays, pauses, today, warningDays: 0, calendar: officialCalendar }).dueDate;
}

export async function extendProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.extend'>): Promise<void> {
  const { problem } = await authorize(scope.trx, ctx, 'extend', input.problemId, input.version);
  await checkBlockage(scope.trx, input.blockage, true);
  await recordCause(scope, ctx, problem, 'extend', input.blockage);
  const limit = problem.limit_days! + input.days;
  const due = await dueWithPauses(scope, problem, limit, toIsoDate(ctx.now));
  await updateProblem(scope.trx, problem.id, input.version, { limit_days: limit, due_date: due, updated_at: ctx.now.toISOString() });
  await scope.audit({
    action: 'problem.extend',
    target: `problem:${problem.id}`,
    before: { due: problem.due_date },
    after: { due, days: input.days, cause: input.blockage.class },
  });
}

/** The clock stops while the problem waits for the firm, with the reason; resuming moves the due date on. */
export async function pauseProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.pause'>): Promise<void> {
  const { problem } = await authorize(scope.trx, ctx, 'pause', input.problemId, input.version);
  const today = toIsoDate(ctx.now);
  const now = ctx.now.toISOString();
  if (input.pause === (problem.paused_since !== null)) throw invalid('pause', input.pause ? 'pr.pause.already' : 'pr.pause.notPaused');
  if (input.pause) {
    await startPause(scope.trx, problem.id, today, input.reason);
    await updateProblem(scope.trx, problem.id, input.version, { paused_since: today, updated_at: now });
  } else {
    await endPause(scope.trx, problem.id, today);
    const due = await dueWithPauses(scope, problem, problem.limit_days!, today);
    await updateProblem(scope.trx, problem.id, input.version, { paused_since: null, due_date: due, updated_at: now });
  }
  await scope.audit({ action: 'problem.pause', target: `problem:${problem.id}`, after: { pause: input.pause, reason: input.reason } });
}

/** The lead unit reports it solved; past the deadline it must say why it was blocked. */
export async function resolveProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.resolve'>): Promise<void> {
  const { dept, problem } = await authorize(scope.trx, ctx, 'solved', input.problemId, input.version);
  const today = toIsoDate(ctx.now);
  const now = ctx.now.toISOString();
  if (problem.paused_since !== null) throw invalid('text', 'pr.pause.stillPaused');
  await checkBlockage(scope.trx, input.blockage, blockageRequired({ today, dueDate: problem.due_date!, extending: false }));
  await recordCause(scope, ctx, problem, 'overdue', input.blockage);
  await insertReport(scope.trx, {
    problem_id: problem.id,
    kind: 'solved',
    department: dept,
    at: now,
    author_id: who(ctx).id,
    author_name: who(ctx).name,
    text: input.text,
  });
  await updateProblem(scope.trx, problem.id, input.version, {
    state: nextState('solved', 'dispatched'),
    last_report_date: today,
    updated_at: now,
  });
  await scope.audit({
    action: 'problem.resolve',
    target: `problem:${problem.id}`,
    after: { dept, overdue: today > problem.due_date!, cause: input.blockage?.class ?? null },
  });
}

/** The return visit: satisfied closes (销号) with the working days it took; not satisfied reopens with a fresh clock. */
export async function visitProblem(scope: WriteScope, ctx: Ctx, input: ParsedInput<'problem.visit'>): Promise<void> {
  const { dept, policy, problem } = await authorize(scope.trx, ctx, 'visit', input.problemId, input.version);
  const today = toIsoDate(ctx.now);
  const now = ctx.now.toISOString();
  await insertVisit(scope.trx, {
    problem_id: problem.id,
    department: dept,
    at: now,
    satisfied: input.satisfied ? 1 : 0,
    notes: input.notes,
    by_id: who(ctx).id,
    by_name: who(ctx).name,
  });
  const state = nextState('visit', 'solved', input.satisfied);
  if (state === 'closed') {
    const pauses = toPauses((await problemHistory(scope.trx, problem.id)).pauses);
    const start = toIsoDate(new Date(problem.dispatched_at!));
    const took = stepClock({ start, limitDays: 0, pauses, today, warningDays: 0, calendar: officialCalendar }).usedDays;
    await updateProblem(scope.trx, problem.id, input.version, { state, closed_at: now, solved_days: took, updated_at: now });
  } else {
    const { limit, due } = deadlineFor(policy, problem.grade as ProblemGrade, today);
    await updateProblem(scope.trx, problem.id, input.version, {
      state,
      start_date: today,
      limit_days: limit,
      due_date: due,
      last_report_date: null,
      unsatisfied_count: problem.unsatisfied_count + 1,
      updated_at: now,
    });
  }
  await scope.audit({
    action: 'problem.visit',
    target: `problem:${problem.id}`,
    before: { state: problem.state },
    after: { satisfied: input.satisfied, state },
  });
}
