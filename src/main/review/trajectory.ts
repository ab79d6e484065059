/**
 * The whole-process trajectory map (domain §10) for one filing: who held the case and for how long, counted versus
 * paused time, every event, and one sentence on top. Pure over loaded rows, so it is cheap to build and to test.
 */
import type { Trajectory } from '../../shared/contract/review';
import type { Settings } from '../../shared/schemas/settings';
import type { FilingState } from '../../shared/domain/states';
import { FINAL_STATES } from '../../shared/domain/states';
import { PARTIES, UNIT_CODES, type Party, type UnitCode } from '../../shared/domain/units';
import { stepClock } from '../../shared/domain/clock';
import { addWorkingDays, officialCalendar, workingDaysBetween, toIsoDate } from '../../shared/domain/calendar';
import type { DecisionRecord, RoundRecord } from '../db/review';
import { dateOf, reviewClock, WAITING_FOR_APPLICANT, type PauseRow } from './clock';

export interface TrajectoryInput {
  filing: { id: number; filingNo: string; state: FilingState; step: string | null; createdAt: string; submittedAt: string | null };
  events: { at: string; kind: string; actor_name: string | null; detail: string }[];
  rounds: RoundRecord[];
  decisions: Pick<DecisionRecord, 'section' | 'round' | 'decidedAt' | 'stale' | 'staleAt'>[];
  pauses: (PauseRow & { step: string })[];
  settings: Settings;
  now: Date;
}

type Interval = Trajectory['intervals'][number];
type Step = 'draft' | 'acceptance' | 'correction' | 'supplement' | 'certificate' | 'review';

const isUnit = (p: unknown): p is UnitCode => (UNIT_CODES as readonly unknown[]).includes(p);

function parse(detail: string): Record<string, unknown> {
  try {
    const v = JSON.parse(detail) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function eventParty(kind: string, detail: Record<string, unknown>): Party {
  if (kind === 'review.decided' && isUnit(detail.section)) return detail.section;
  if (kind === 'submitted' || kind === 'resubmitted' || kind === 'review.supplied') return 'applicant';
  return 'desk';
}

/** Who holds the case between the desk's own events: the desk, the applicant, or (during review) the units. */
function deskAndApplicant(events: TrajectoryInput['events']): { party: Party; step: Step; from: string; to: string | null }[] {
  const out: { party: Party; step: Step; from: string; to: string | null }[] = [];
  let open: (typeof out)[number] | null = null;
  const hold = (at: string, next: { party: Party; step: Step } | null) => {
    if (open) open.to = at;
    open = next ? { ...next, from: at, to: null } : null;
    if (open) out.push(open);
  };
  for (const e of events) {
    const k = e.kind;
    if (k === 'created') hold(e.at, { party: 'desk', step: 'draft' });
    else if (k === 'submitted' || k === 'resubmitted') hold(e.at, { party: 'desk', step: 'acceptance' });
    else if (k === 'acceptance.correction') hold(e.at, { party: 'applicant', step: 'correction' });
    else if (k.startsWith('acceptance.') || k === 'review.rejected' || k === 'review.supplied' || /^certificate\.issue/.test(k))
      hold(e.at, null);
    else if (k === 'review.supplementRequested') hold(e.at, { party: 'applicant', step: 'supplement' });
    else if (k === 'review.approved') hold(e.at, { party: 'desk', step: 'certificate' });
  }
  return out;
}

/** Each unit holds the case from the round's opening (or from when its decision turned stale) until it decides. */
function unitHolds(rounds: RoundRecord[], decisions: TrajectoryInput['decisions']) {
  const out: { party: UnitCode; round: number; from: string; to: string | null }[] = [];
  for (const round of rounds) {
    for (const unit of round.units) {
      const before = decisions.filter((d) => d.section === unit && d.round < round.number).pop();
      let start: string | null = before?.staleAt && before.staleAt > round.openedAt ? before.staleAt : round.openedAt;
      for (const d of decisions.filter((x) => x.section === unit && x.round === round.number)) {
        // A unit that re-decides before its decision turned stale was not waiting in between.
        if (start !== null) out.push({ party: unit, round: round.number, from: start, to: d.decidedAt });
        start = d.stale && d.staleAt ? d.staleAt : null;
      }
      if (start !== null) out.push({ party: unit, round: round.number, from: start, to: round.closedAt });
    }
  }
  return out;
}

/** Cuts an interval where an expert-review pause begins or ends; the parts inside a pause do not count. */
function splitByPauses(iv: Omit<Interval, 'counted'>, pauses: PauseRow[], nowIso: string): Interval[] {
  // An open interval runs on past now, so a pause that ended exactly now still starts a new (counted) part.
  const inside = (t: string) => t > iv.from && (iv.to === null ? t <= nowIso : t < iv.to);
  const cuts = new Set<string>();
  for (const p of pauses) for (const t of [p.started_at, p.ended_at]) if (t && inside(t)) cuts.add(t);
  const points = [iv.from, ...[...cuts].sort()];
  const inPause = (t: string) => pauses.some((p) => p.started_at <= t && (p.ended_at === null || t < p.ended_at));
  return points.map((from, i) => ({ ...iv, from, to: i === points.length - 1 ? iv.to : points[i + 1]!, counted: !inPause(from) }));
}

export function buildTrajectory(input: TrajectoryInput): Trajectory {
  const { filing, settings, now } = input;
  const nowIso = now.toISOString();
  const today = toIsoDate(now);
  const limits = settings.timeLimits;
  const reviewPauses = input.pauses.filter((p) => p.step === 'review');
  const expertPauses = reviewPauses.filter((p) => p.reason !== WAITING_FOR_APPLICANT);
  const started = input.rounds[0]?.openedAt ?? null;
  const review = started ? reviewClock(started, reviewPauses, settings, today) : null;
  const overdueAfter = (step: Step, from: string): string | null => {
    if (step === 'acceptance') return addWorkingDays(officialCalendar, dateOf(from), limits.acceptanceDays);
    if (step === 'certificate') return addWorkingDays(officialCalendar, dateOf(from), limits.certificateDays);
    if (step === 'review') return review?.dueDate ?? null;
    return null;
  };
  const isOverdue = (step: Step, from: string, to: string | null) => {
    const due = overdueAfter(step, from);
    return due !== null && dateOf(to ?? nowIso) > due;
  };

  const intervals: Interval[] = [];
  for (const h of deskAndApplicant(input.events))
    intervals.push({
      party: h.party,
      from: h.from,
      to: h.to,
      counted: h.step !== 'supplement',
      overdue: isOverdue(h.step, h.from, h.to),
      label: `traj.step.${h.step}`,
    });
  for (const h of unitHolds(input.rounds, input.decisions))
    intervals.push(
      ...splitByPauses(
        { party: h.party, from: h.from, to: h.to, overdue: isOverdue('review', h.from, h.to), label: 'traj.step.review' },
        expertPauses,
        nowIso,
      ),
    );
  intervals.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : PARTIES.indexOf(a.party) - PARTIES.indexOf(b.party)));

  const events: Trajectory['events'] = input.events.map((e) => {
    const detail = parse(e.detail);
    return { at: e.at, party: eventParty(e.kind, detail), kind: e.kind, label: `traj.event.${e.kind}`, actor: e.actor_name };
  });
  // One "overdue" mark per step that ran past its limit, on the first day past it.
  const marked = new Set<string>();
  for (const iv of intervals) {
    const step = iv.label.replace('traj.step.', '') as Step;
    const due = iv.overdue ? overdueAfter(step, iv.from) : null;
    if (!due || marked.has(step)) continue;
    marked.add(step);
    events.push({ at: `${due}T16:00:00.000Z`, party: iv.party, kind: 'overdue', label: 'traj.event.overdue', actor: null });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    filingId: filing.id,
    filingNo: filing.filingNo,
    summary: summarise(input, intervals, expertPauses, today),
    lanes: [...PARTIES],
    intervals,
    events,
    clock: stepClockFor(input, review, today),
    from: filing.createdAt,
    to: nowIso,
  };
}

function stepClockFor(input: TrajectoryInput, review: ReturnType<typeof reviewClock> | null, today: string): Trajectory['clock'] {
  const { filing, settings } = input;
  const limits = settings.timeLimits;
  const simple = (start: string, limitDays: number) =>
    stepClock({ start: dateOf(start), limitDays, pauses: [], today, warningDays: limits.warningDays, calendar: officialCalendar });
  const approvedAt = [...input.events].reverse().find((e) => e.kind === 'review.approved')?.at;
  const c =
    filing.step === 'review'
      ? review
      : filing.step === 'acceptance' && filing.submittedAt
        ? simple(filing.submittedAt, limits.acceptanceDays)
        : filing.step === 'certificate' && approvedAt
          ? simple(approvedAt, limits.certificateDays)
          : null;
  return c
    ? { countedDays: c.usedDays, pausedDays: c.pausedDays, dueDate: c.dueDate, level: c.level }
    : { countedDays: 0, pausedDays: 0, dueDate: null, level: 'ok' };
}

function summarise(input: TrajectoryInput, intervals: Interval[], expertPauses: PauseRow[], today: string): Trajectory['summary'] {
  const { filing } = input;
  const step = filing.step ?? filing.state;
  const open = intervals.filter((i) => i.to === null);
  const since = open.map((i) => i.from).sort()[0];
  const days = since ? Math.max(0, workingDaysBetween(officialCalendar, dateOf(since), today)) : 0;
  const at = (holder: Party | null, reasonKey: string, params: Record<string, string | number> = {}) => ({
    step,
    holder,
    sinceDays: days,
    reasonKey,
    params: { days, ...params },
  });
  if ((FINAL_STATES as readonly string[]).includes(filing.state)) return at(null, 'traj.final', { state: filing.state });
  const pause = expertPauses.find((p) => p.ended_at === null);
  switch (filing.state) {
    case 'draft':
      return at('desk', 'traj.draft');
    case 'submitted':
      return at('desk', 'traj.waitingAcceptance');
    case 'correction_requested':
      return at('applicant', 'traj.waitingCorrection');
    case 'supplement_requested':
      return at('applicant', 'traj.waitingSupplement');
    case 'approved':
      return at('desk', 'traj.waitingCertificate');
    case 'in_review': {
      const units = UNIT_CODES.filter((u) => open.some((i) => i.party === u));
      if (pause) return at(null, 'traj.pausedExpert', { reason: pause.reason, units: units.join(', ') });
      if (units.length === 1) return at(units[0]!, 'traj.waitingUnit', { unit: units[0]! });
      return at(null, 'traj.waitingUnits', { units: units.join(', ') });
    }
    default:
      return at(null, 'traj.state', { state: filing.state });
  }
}
