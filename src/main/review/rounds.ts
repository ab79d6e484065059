/**
 * Rounds joining the filing lifecycle, inside the caller's transaction: open round 1 on acceptance, combine the
 * decisions when the last one arrives, open the next round after a supplement, and turn decisions stale when the
 * facts they covered change.
 */
import { recordEvent } from '../events';
import type { Trx } from '../db/connection';
import type { Ctx } from '../services';
import type { Settings } from '../../shared/schemas/settings';
import type { FilingRecord } from '../db/filings';
import { getPauses } from '../db/filings';
import { addWorkingDays, officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import { roundOutcome, unitsForNextRound, type RoundOutcome } from '../../shared/domain/review';
import { UNIT_CODES, type Role, type UnitCode } from '../../shared/domain/units';
import { requireTransition, type FilingAction, type Moved } from '../../shared/domain/transitions';
import {
  closeRound,
  getDecisions,
  getRounds,
  type DecisionRecord,
  type RoundRecord,
  insertPause,
  insertRound,
  markStale,
  setRoundUnits,
  setWaitingUnits,
  unitList,
} from '../db/review';
import { factsSinceSigned } from './facts';
import { reviewDue, REVIEW_STEP, WAITING_FOR_APPLICANT } from './clock';
import { lastDecision, openRoundOf, pendingUnits, supplementRequest, unitDecisions } from './state';

/** The table's action for each way a round can end (pending: it stays open). */
const ROUND_ACTION = {
  pending: 'decide',
  rejected: 'rejectRound',
  supplementRequested: 'requestSupplement',
  approvedWithConditions: 'approveRound',
  approved: 'approveRound',
} as const satisfies Record<RoundOutcome, FilingAction>;

export async function openFirstRound(trx: Trx, ctx: Ctx, filingId: number): Promise<void> {
  if ((await getRounds(trx, filingId)).length) return;
  await insertRound(trx, { filingId, number: 1, units: UNIT_CODES, openedAt: ctx.now.toISOString() });
  await setWaitingUnits(trx, filingId, UNIT_CODES);
  await recordEvent(trx, ctx, filingId, 'review.roundOpened', { round: 1, units: UNIT_CODES });
}

/** What the filing row becomes after a decision; written by the caller's version bump. */
export interface FilingChange {
  state?: Moved;
  step?: string | null;
  due_date?: string | null;
  waiting_units: string;
}

/**
 * Combines the round after a decision. Closes it when every section in it has a current, non-stale decision;
 * the outcome moves the filing on (domain §6).
 */
export async function combineRound(
  trx: Trx,
  ctx: Ctx,
  filing: FilingRecord,
  settings: Settings,
  rounds: RoundRecord[],
  decisions: DecisionRecord[],
  decider: { role: Role },
  openMaterialItems: number,
): Promise<FilingChange> {
  const round = openRoundOf(rounds)!;
  const units = unitDecisions(decisions, round);
  // A decision alone never moves the review's due date (only pauses do), so a round still pending changes one column.
  if (roundOutcome(units, 0) === 'pending') return { waiting_units: unitList(pendingUnits(decisions, round)) };
  const outcome = roundOutcome(units, openMaterialItems);
  const to = requireTransition(decider, filing.state, ROUND_ACTION[outcome]);
  const now = ctx.now.toISOString();
  const today = toIsoDate(ctx.now);
  const started = rounds[0]!.openedAt;
  const request = outcome === 'supplementRequested' ? supplementRequest(decisions, round) : null;
  await closeRound(trx, round.id, { closedAt: now, outcome, supplementRequest: request });
  if (outcome === 'rejected') {
    const reasons = round.units
      .map((u) => lastDecision(decisions, u, round.number)!)
      .filter((d) => d.decision === 'reject')
      .map((d) => ({ section: d.section, opinion: d.opinion }));
    await recordEvent(trx, ctx, filing.id, 'review.rejected', { round: round.number, reasons });
    return { state: to, step: null, due_date: null, waiting_units: '' };
  }
  if (outcome === 'supplementRequested') {
    await insertPause(trx, { filingId: filing.id, step: REVIEW_STEP, startedAt: now, reason: WAITING_FOR_APPLICANT });
    await recordEvent(trx, ctx, filing.id, 'review.supplementRequested', { round: round.number, request });
    const dueDate = reviewDue(started, await getPauses(trx, filing.id), settings, today);
    return { state: to, step: REVIEW_STEP, due_date: dueDate, waiting_units: '' };
  }
  await recordEvent(trx, ctx, filing.id, 'review.approved', { round: round.number, outcome });
  // No section is pending any more; the certificate is the clerk's move, not a reviewing unit's.
  return {
    state: to,
    step: 'certificate',
    due_date: addWorkingDays(officialCalendar, today, settings.timeLimits.certificateDays),
    waiting_units: '',
  };
}

/**
 * After a supplement: the next round asks the units that revised plus those whose signed facts changed. The state
 * itself is the caller's move (recordSupplement in the transition table).
 */
export async function openNextRound(
  trx: Trx,
  ctx: Ctx,
  filing: FilingRecord,
  settings: Settings,
): Promise<Omit<FilingChange, 'state'> & { units: UnitCode[] }> {
  const rounds = await getRounds(trx, filing.id);
  const last = rounds[rounds.length - 1]!;
  const decisions = await getDecisions(trx, filing.id);
  const now = await factsSinceSigned(trx, filing.id, filing.fields, settings);
  const changed = UNIT_CODES.filter((u) => {
    const d = lastDecision(decisions, u);
    return d !== null && (d.stale || d.factsHash !== now(d).hash);
  });
  const prev = last.units
    .map((u) => lastDecision(decisions, u, last.number))
    .filter((d) => d !== null)
    .map((d) => ({ unit: d.section, decision: d.decision }));
  const units = unitsForNextRound(prev, changed);
  await markStale(
    trx,
    changed
      .map((u) => lastDecision(decisions, u)!)
      .filter((d) => !d.stale)
      .map((d) => d.id),
    ctx.now.toISOString(),
  );
  await insertRound(trx, { filingId: filing.id, number: last.number + 1, units, openedAt: ctx.now.toISOString() });
  await recordEvent(trx, ctx, filing.id, 'review.roundOpened', { round: last.number + 1, units, changed });
  const dueDate = reviewDue(rounds[0]!.openedAt, await getPauses(trx, filing.id), settings, toIsoDate(ctx.now));
  return { step: REVIEW_STEP, due_date: dueDate, waiting_units: unitList(units), units };
}

/**
 * Marks each unit's last decision stale when the facts it covered no longer hash the same. While a round is open,
 * a unit whose earlier decision turned stale joins it: its decision no longer counts until it re-confirms.
 */
export async function refreshStaleness(trx: Trx, ctx: Ctx, filing: FilingRecord, settings: Settings): Promise<UnitCode[]> {
  const decisions = await getDecisions(trx, filing.id);
  if (!decisions.length) return [];
  const sinceSigned = await factsSinceSigned(trx, filing.id, filing.fields, settings);
  const turned = UNIT_CODES.map((u) => lastDecision(decisions, u)).filter(
    (d) => d !== null && !d.stale && d.factsHash !== sinceSigned(d).hash,
  );
  if (!turned.length) return [];
  const now = ctx.now.toISOString();
  await markStale(
    trx,
    turned.map((d) => d!.id),
    now,
  );
  for (const d of turned) d!.stale = true;
  const sections = turned.map((d) => d!.section);
  await recordEvent(trx, ctx, filing.id, 'review.stale', { sections });
  const round = filing.state === 'in_review' ? openRoundOf(await getRounds(trx, filing.id)) : null;
  if (round) {
    const joined = UNIT_CODES.filter((u) => round.units.includes(u) || sections.includes(u));
    if (joined.length !== round.units.length) await setRoundUnits(trx, round.id, joined);
    await setWaitingUnits(trx, filing.id, pendingUnits(decisions, { ...round, units: joined }));
  }
  return sections;
}
