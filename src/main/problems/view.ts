import type { ProblemRow, ProblemView } from '../../shared/contract/problems-views';
import { officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import type { Pause } from '../../shared/domain/clock';
import {
  problemClock,
  type BlockageClass,
  type ProblemClock,
  type ProblemGrade,
  type ProblemPolicy,
  type ProblemSource,
  type ProblemState,
  type ReportKind,
} from '../../shared/domain/problems';
import { DeskError } from '../../shared/result';
import { getProblem, loadPolicy, problemHistory, type ProblemRecord } from '../db/problems';
import { parseDepts, type Q } from '../db/problems-schema';

/** Turns stored rows into what the channels answer, with the live clock. */

export const dateOf = (stamp: string) => toIsoDate(new Date(stamp));

export const toPauses = (rows: readonly { from_date: string; to_date: string | null; reason: string }[]): Pause[] =>
  rows.map((r) => ({ from: r.from_date, to: r.to_date, reason: r.reason }));

/** The current lead unit's clock while the problem is open; null before dispatch and once solved or closed. */
export function clockOf(p: ProblemRecord, pauses: Pause[], today: string, policy: ProblemPolicy): ProblemClock | null {
  if (p.state !== 'dispatched' || !p.start_date || p.limit_days === null) return null;
  const own = pauses.filter((x) => x.to === null || x.to > p.start_date!);
  return problemClock({
    start: p.start_date,
    limitDays: p.limit_days,
    pauses: own,
    lastReport: p.last_report_date,
    today,
    policy,
    calendar: officialCalendar,
  });
}

export async function requireProblem(db: Q, id: number): Promise<ProblemRecord> {
  const p = await getProblem(db, id);
  if (!p) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return p;
}

export function toRow(p: ProblemRecord, clock: ProblemClock | null): ProblemRow {
  return {
    id: p.id,
    problemNo: p.problem_no,
    firmName: p.firm_name,
    creditCode: p.credit_code,
    title: p.title,
    category: p.category,
    grade: p.grade as ProblemGrade | null,
    state: p.state as ProblemState,
    lead: p.lead,
    dueDate: clock?.dueDate ?? p.due_date,
    level: clock?.level ?? 'ok',
    reassignCount: p.reassign_count,
    isDemo: p.is_demo === 1,
  };
}

export async function buildProblemView(db: Q, id: number, today: string): Promise<ProblemView> {
  const p = await requireProblem(db, id);
  const [h, policy] = await Promise.all([problemHistory(db, id), loadPolicy(db)]);
  const pauses = toPauses(h.pauses);
  const open = h.pauses.find((x) => x.to_date === null);
  return {
    id: p.id,
    version: p.version,
    problemNo: p.problem_no,
    creditCode: p.credit_code,
    firmName: p.firm_name,
    filingId: p.filing_id,
    title: p.title,
    request: p.request,
    source: p.source as ProblemSource,
    category: p.category,
    state: p.state as ProblemState,
    grade: p.grade as ProblemGrade | null,
    suggestedGrade: p.suggested_grade as ProblemGrade | null,
    gradeReason: p.grade_reason,
    lead: p.lead,
    cooperating: parseDepts(p.cooperating),
    nextStep: p.next_step,
    createdDept: p.created_dept,
    createdAt: p.created_at,
    closedAt: p.closed_at,
    reassignCount: p.reassign_count,
    unsatisfiedCount: p.unsatisfied_count,
    isDemo: p.is_demo === 1,
    clock: clockOf(p, pauses, today, policy),
    pause: open ? { since: open.from_date, reason: open.reason } : null,
    attachments: h.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
    assignments: h.assignments.map((a) => ({
      lead: a.lead,
      cooperating: parseDepts(a.cooperating),
      meetingId: a.meeting_id,
      opinion: a.opinion,
      reason: a.reason,
      limitDays: a.limit_days,
      from: a.from_at,
      to: a.to_at,
      by: a.by_name,
    })),
    reports: h.reports.map((r) => ({
      id: r.id,
      kind: r.kind as ReportKind,
      department: r.department,
      at: r.at,
      author: r.author_name,
      text: r.text,
    })),
    visits: h.visits.map((v) => ({ at: v.at, satisfied: v.satisfied === 1, notes: v.notes, by: v.by_name })),
    blockages: h.blockages.map((b) => ({
      id: b.id,
      at: b.at,
      trigger: b.trigger as 'overdue' | 'extend' | 'reassign',
      class: b.class as BlockageClass,
      unit: b.unit,
      lead: b.lead,
      text: b.text,
    })),
  };
}
