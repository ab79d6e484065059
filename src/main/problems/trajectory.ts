import type { ProblemTrajectory } from '../../shared/contract/problems-views';
import { officialCalendar, toIsoDate, workingDaysBetween } from '../../shared/domain/calendar';
import type { BlockageClass, ProblemPolicy, ProblemState } from '../../shared/domain/problems';
import type { ProblemHistory, ProblemRecord } from '../db/problems';
import { parseDepts } from '../db/problems-schema';
import { clockOf, toPauses } from './view';

/**
 * The whole-process map of one problem (全过程动态轨迹图): a lane per department that held it (and the firm, while
 * the clock waited for it), each lead unit's span with its hand-over, every report, visit and blockage cause.
 * On top, one sentence: the step, whose move, for how long, why, and the class of the latest cause.
 */
export const FIRM = 'firm';

export function buildProblemTrajectory(p: ProblemRecord, h: ProblemHistory, policy: ProblemPolicy, now: Date): ProblemTrajectory {
  const nowIso = now.toISOString();
  const today = toIsoDate(now);
  const coordinator = policy.coordinator;
  const solvedAt = [...h.reports].reverse().find((r) => r.kind === 'solved')?.at ?? null;
  const lastVisit = h.visits[h.visits.length - 1];
  const lanes: string[] = [];
  const lane = (code: string) => {
    if (!lanes.includes(code)) lanes.push(code);
    return code;
  };
  lane(p.created_dept);
  lane(coordinator);

  const intervals: ProblemTrajectory['intervals'] = [];
  const events: ProblemTrajectory['events'] = [
    { at: p.created_at, party: p.created_dept, kind: 'problem.created', label: p.title, actor: null },
  ];
  intervals.push({
    party: coordinator,
    from: p.created_at,
    to: p.dispatched_at ?? (p.state === 'new' ? null : nowIso),
    counted: false,
    overdue: false,
    label: 'pr.map.awaitingDispatch',
  });

  for (const [i, a] of h.assignments.entries()) {
    const end = a.to_at ?? (p.state === 'dispatched' ? null : (solvedAt ?? nowIso));
    const overdue = p.due_date !== null && a.to_at === null && p.state === 'dispatched' && today > p.due_date;
    intervals.push({ party: lane(a.lead), from: a.from_at, to: end, counted: true, overdue, label: 'pr.map.lead' });
    for (const c of parseDepts(a.cooperating))
      intervals.push({ party: lane(c), from: a.from_at, to: end, counted: false, overdue: false, label: 'pr.map.cooperating' });
    events.push({
      at: a.from_at,
      party: coordinator,
      kind: i === 0 ? 'problem.dispatched' : 'problem.handover',
      label: i === 0 ? a.opinion : a.reason,
      actor: a.by_name,
    });
  }
  for (const x of h.pauses) {
    intervals.push({
      party: lane(FIRM),
      from: `${x.from_date}T00:00:00.000Z`,
      to: x.to_date ? `${x.to_date}T00:00:00.000Z` : null,
      counted: false,
      overdue: false,
      label: x.reason,
    });
  }
  for (const r of h.reports)
    events.push({ at: r.at, party: lane(r.department), kind: `problem.${r.kind}`, label: r.text, actor: r.author_name });
  for (const v of h.visits)
    events.push({
      at: v.at,
      party: coordinator,
      kind: v.satisfied ? 'problem.closed' : 'problem.reopened',
      label: v.notes,
      actor: v.by_name,
    });
  for (const b of h.blockages) events.push({ at: b.at, party: b.lead, kind: 'problem.blockage', label: b.text, actor: null });
  if (solvedAt && p.state !== 'dispatched')
    intervals.push({
      party: coordinator,
      from: solvedAt,
      to: lastVisit && lastVisit.at > solvedAt ? lastVisit.at : null,
      counted: false,
      overdue: false,
      label: 'pr.map.awaitingVisit',
    });
  events.sort((a, b) => a.at.localeCompare(b.at));

  const clock = clockOf(p, toPauses(h.pauses), today, policy);
  const cause = h.blockages[h.blockages.length - 1];
  const summary = summarize(p, h, coordinator, solvedAt, now);
  return {
    problemId: p.id,
    problemNo: p.problem_no,
    summary: { ...summary, causeClass: (cause?.class as BlockageClass | undefined) ?? null },
    lanes,
    intervals,
    events,
    clock: {
      countedDays: clock?.usedDays ?? 0,
      pausedDays: clock?.pausedDays ?? 0,
      dueDate: clock?.dueDate ?? p.due_date,
      level: clock?.level ?? 'ok',
    },
    from: p.created_at,
    to: p.closed_at ?? nowIso,
  };
}

function summarize(p: ProblemRecord, h: ProblemHistory, coordinator: string, solvedAt: string | null, now: Date) {
  const state = p.state as ProblemState;
  const since = (iso: string) => Math.max(0, workingDaysBetween(officialCalendar, toIsoDate(new Date(iso)), toIsoDate(now)));
  const cause = h.blockages[h.blockages.length - 1];
  const params: Record<string, string | number> = { lead: p.lead ?? '', due: p.due_date ?? '', cause: cause?.text ?? '' };
  if (state === 'new') return { state, holder: coordinator, sinceDays: since(p.created_at), reasonKey: 'pr.map.why.new', params };
  if (state === 'closed') return { state, holder: null, sinceDays: p.solved_days ?? 0, reasonKey: 'pr.map.why.closed', params };
  if (state === 'solved')
    return { state, holder: coordinator, sinceDays: since(solvedAt ?? p.updated_at), reasonKey: 'pr.map.why.solved', params };
  if (p.paused_since) {
    const open = h.pauses.find((x) => x.to_date === null);
    return {
      state,
      holder: FIRM,
      sinceDays: since(`${p.paused_since}T00:00:00.000Z`),
      reasonKey: 'pr.map.why.paused',
      params: { ...params, reason: open?.reason ?? '' },
    };
  }
  const current = h.assignments[h.assignments.length - 1];
  const overdue = p.due_date !== null && toIsoDate(now) > p.due_date;
  return {
    state,
    holder: p.lead,
    sinceDays: since(current?.from_at ?? p.updated_at),
    reasonKey: overdue ? (cause ? 'pr.map.why.overdueCause' : 'pr.map.why.overdue') : 'pr.map.why.working',
    params,
  };
}
