import { deadlineFromDays } from '../../shared/domain/deadline';
import type { Actor } from '../../shared/contract/auth';
import type { ParsedInput } from '../../shared/contract';
import type { Settings } from '../../shared/schemas/settings';
import { DeskError } from '../../shared/result';
import { officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import { checklistPath, checklistProblems } from '../../shared/domain/checklist';
import { requireAuthority } from '../../shared/domain/authority';
import { requireTransition } from '../../shared/domain/transitions';
import { storedMessage } from '../../shared/i18n/stored';
import type { Ctx, WriteScope } from '../services';
import { bumpVersion } from '../db/filings';
import { insertTrackedItem, refreshNextItemDue } from '../db/tracked-items';
import { insertDecision, setConditionsNotApplied } from '../db/review';
import { currentFacts } from './facts';
import { combineRound } from './rounds';
import { recordEvent } from '../events';
import { lastDecision, openRoundOf } from './state';
import { buildReviewView, requireReviewState } from './view';

export type DecisionInput = ParsedInput<'review.decide'>;

/** How the decision was confirmed: at the reviewer's own desk, or with their password at a joint session. */
export interface Confirmation {
  via: 'desk' | 'session';
  meetingId: number | null;
}

/** Checklists (domain §6): the unit's current checklist, answered whole, each refusal beside its item. */
function requireChecklist(input: DecisionInput, settings: Settings): void {
  const problems = checklistProblems(settings.checklists[input.section], input.checklist, input.decision);
  if (problems.length === 0) return;
  const fields = Object.fromEntries(problems.map((p) => [checklistPath(p.code, p.field), { key: p.key, params: p.params }]));
  throw new DeskError('INVALID', 'v.check.refused', {}, fields);
}

/**
 * Records one unit's decision inside the caller's write, bound to the version and facts the reviewer saw, and
 * combines the round when it was the last one missing. Shared by review.decide and the joint session's step-up
 * confirmation, so both go through the same checks (and the same database trigger).
 */
export async function recordDecision(
  scope: WriteScope,
  ctx: Ctx,
  input: DecisionInput,
  decider: Actor,
  confirmation: Confirmation,
  settings: Settings,
): Promise<number> {
  const { trx, audit } = scope;
  requireAuthority(decider, input.section);
  requireChecklist(input, settings);
  // The filing, its rounds and its decisions in one read (one round trip on the district server).
  const state = await requireReviewState(trx, input.filingId);
  const filing = state.filing;
  const stale = async () => new DeskError('STALE', 'err.STALE', {}, undefined, await buildReviewView(trx, input.filingId));
  if (filing.version !== input.filingVersion) throw await stale();
  requireTransition(decider, filing.state, 'decide', 'review.notInReview');
  const rounds = state.rounds;
  const round = openRoundOf(rounds);
  if (!round || round.number !== input.round) throw new DeskError('CONFLICT', 'review.wrongRound', { round: round?.number ?? '-' });
  if (!round.units.includes(input.section))
    throw new DeskError('CONFLICT', 'review.notInRound', { section: input.section, round: round.number });

  const now = ctx.now.toISOString();
  const today = toIsoDate(ctx.now);
  const facts = (await currentFacts(trx, filing.id, filing.fields, settings, [input.section]))[input.section];
  const conditions = input.conditions.map((c) => ({
    text: c.text,
    verifyingUnit: c.verifyingUnit,
    // The same count → date rule the conditions editor shows as the days are typed.
    dueDate: deadlineFromDays(officialCalendar, today, c.dueDays)!.dueDate,
    blocks: c.blocks,
  }));
  const decisions = state.decisions;
  const replaced = lastDecision(decisions, input.section, round.number);
  const record = {
    filingId: filing.id,
    round: round.number,
    section: input.section,
    decision: input.decision,
    opinion: input.opinion,
    notInvolvedReason: input.notInvolvedReason,
    checklist: input.checklist,
    conditions,
    decidedById: decider.id,
    decidedBy: decider.displayName,
    decidedAt: now,
    confirmedVia: confirmation.via,
    meetingId: confirmation.meetingId,
    filingVersion: filing.version,
    factsHash: facts.hash,
    facts: facts.facts,
  };
  const id = await insertDecision(trx, record);
  decisions.push({ ...record, id, stale: false, staleAt: null });
  if (replaced) await setConditionsNotApplied(trx, [replaced.id], storedMessage('fu.reason.superseded', { id }), now);
  for (const c of conditions)
    await insertTrackedItem(trx, {
      filingId: filing.id,
      kind: 'condition',
      materialCode: null,
      text: c.text,
      verifyingUnit: c.verifyingUnit,
      dueDate: c.dueDate,
      blocks: c.blocks,
      now,
      sourceDecisionId: id,
    });
  if (conditions.length || replaced) await refreshNextItemDue(trx, filing.id);
  await recordEvent(trx, ctx, filing.id, 'review.decided', {
    section: input.section,
    round: round.number,
    decision: input.decision,
    decisionId: id,
    by: decider.displayName,
    via: confirmation.via,
  });

  // The open papers were counted with the filing, under the same lock: this decision adds conditions, never papers.
  const change = await combineRound(trx, ctx, filing, settings, rounds, decisions, decider, state.openMaterialItems);
  if (!(await bumpVersion(trx, filing.id, filing.version, now, change))) throw await stale();
  await audit({
    action: 'review.decide',
    target: `filing:${filing.id}`,
    before: { state: filing.state, version: filing.version, replaced: replaced?.id ?? null },
    after: {
      decisionId: id,
      section: input.section,
      round: round.number,
      decision: input.decision,
      decidedBy: decider.id,
      via: confirmation.via,
      factsHash: facts.hash,
      conditions,
      state: change.state ?? filing.state,
    },
  });
  return id;
}
