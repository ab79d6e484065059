import type { BlockageInputValue } from '../../shared/contract/problems';
import {
  blockageProblem,
  problemPermission,
  type ProblemAction,
  type ProblemPolicy,
  type ProblemState,
} from '../../shared/domain/problems';
import { DeskError } from '../../shared/result';
import type { Ctx } from '../services';
import type { Trx } from '../db/connection';
import { departmentOf, listDepartments, loadPolicy, type ProblemRecord } from '../db/problems';
import { parseDepts } from '../db/problems-schema';
import { buildProblemView, requireProblem } from './view';
import { toIsoDate } from '../../shared/domain/calendar';

/**
 * The server's side of every problem rule: the caller's department, the domain's permission table, the version the
 * caller saw. A FORBIDDEN thrown here is audited by dispatch as a refusal.
 */

export interface Acting {
  dept: string;
  policy: ProblemPolicy;
  problem: ProblemRecord;
}

export async function authorize(trx: Trx, ctx: Ctx, action: ProblemAction, problemId: number, version: number | null): Promise<Acting> {
  const problem = await requireProblem(trx, problemId);
  const [dept, policy] = await Promise.all([departmentOf(trx, ctx.actor), loadPolicy(trx)]);
  const party = { state: problem.state as ProblemState, lead: problem.lead, cooperating: parseDepts(problem.cooperating) };
  const refusal = problemPermission(action, party, dept, policy.coordinator);
  if (refusal) throw new DeskError(refusal.code, refusal.key, { state: problem.state });
  if (version !== null && version !== problem.version)
    throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildProblemView(trx, problemId, toIsoDate(ctx.now)));
  return { dept: dept!, policy, problem };
}

/** Every named department exists and is active; returns their kinds for the grade rule. */
export async function requireDepartments(trx: Trx, named: Record<string, string>): Promise<Map<string, string>> {
  const all = new Map((await listDepartments(trx)).filter((d) => d.active).map((d) => [d.code, d.kind] as const));
  const fields: Record<string, { key: string }> = {};
  for (const [path, code] of Object.entries(named)) if (!all.has(code)) fields[path] = { key: 'v.pr.department' };
  if (Object.keys(fields).length) throw new DeskError('INVALID', 'err.INVALID', {}, fields);
  return all;
}

export async function checkBlockage(trx: Trx, b: BlockageInputValue | null, required: boolean, path = 'blockage'): Promise<void> {
  const fault = blockageProblem(b, required);
  if (fault) throw new DeskError('INVALID', 'err.INVALID', {}, { [path]: { key: fault } });
  if (b?.unit) await requireDepartments(trx, { [`${path}.unit`]: b.unit });
}

export function invalid(path: string, key: string): DeskError {
  return new DeskError('INVALID', 'err.INVALID', {}, { [path]: { key } });
}
