/** How the stored rounds and decisions read as the review's current state. Pure over loaded records. */
import { UNIT_CODES, type UnitCode } from '../../shared/domain/units';
import type { UnitDecision } from '../../shared/domain/review';
import type { DecisionRecord, RoundRecord, SupplementItem } from '../db/review';

export const latestRound = (rounds: RoundRecord[]): RoundRecord | null => rounds[rounds.length - 1] ?? null;
export const openRoundOf = (rounds: RoundRecord[]): RoundRecord | null => {
  const last = latestRound(rounds);
  return last && last.closedAt === null ? last : null;
};

/** The section's latest decision, optionally within one round. Decisions arrive oldest first. */
export function lastDecision(decisions: DecisionRecord[], unit: UnitCode, round?: number): DecisionRecord | null {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i]!;
    if (d.section === unit && (round === undefined || d.round === round)) return d;
  }
  return null;
}

/**
 * The decision that counts for each unit: inside the round, its decision in that round; outside it, its last
 * decision from an earlier round (units not asked again keep what they decided).
 */
export function countingDecision(decisions: DecisionRecord[], round: RoundRecord, unit: UnitCode): DecisionRecord | null {
  return round.units.includes(unit) ? lastDecision(decisions, unit, round.number) : lastDecision(decisions, unit);
}

/** Sections in the round still to decide: no decision yet in this round, or one that turned stale. */
export function pendingUnits(decisions: DecisionRecord[], round: RoundRecord): UnitCode[] {
  return round.units.filter((u) => {
    const d = lastDecision(decisions, u, round.number);
    return d === null || d.stale;
  });
}

export function unitDecisions(decisions: DecisionRecord[], round: RoundRecord): UnitDecision[] {
  return UNIT_CODES.filter((u) => round.units.includes(u) || lastDecision(decisions, u) !== null).map((unit) => {
    const d = countingDecision(decisions, round, unit);
    return { unit, decision: d?.decision ?? null, stale: d?.stale ?? false };
  });
}

/**
 * The one notice (一次性告知) for a round that ended in revise: what every unit asks the applicant for — the opinions
 * of the units that asked for revision, and every unit's failed checklist items. Conditions of an approval with
 * conditions are not asked for now; they are tracked after registration.
 */
export function supplementRequest(decisions: DecisionRecord[], round: RoundRecord): SupplementItem[] {
  const items: SupplementItem[] = [];
  for (const unit of round.units) {
    const d = lastDecision(decisions, unit, round.number);
    if (!d) continue;
    const failed = d.checklist.filter((c) => c.result === 'fail');
    const failedItems = failed.map((c) => c.code);
    const notes = Object.fromEntries(failed.map((c) => [c.code, c.note]));
    if (d.decision === 'revise' || failedItems.length > 0)
      items.push({ section: unit, opinion: d.decision === 'revise' ? d.opinion : '', failedItems, notes });
  }
  return items;
}

/**
 * The stored request of a closed round with every failed item's note: rounds closed before notes were stored get
 * them from the round's own decisions, which no longer change once the round has closed.
 */
export function withNotes(request: SupplementItem[], decisions: DecisionRecord[], round: RoundRecord): Required<SupplementItem>[] {
  return request.map((item) => {
    const d = lastDecision(decisions, item.section, round.number);
    const fromDecision = Object.fromEntries((d?.checklist ?? []).filter((c) => c.result === 'fail').map((c) => [c.code, c.note]));
    return { ...item, notes: item.notes ?? fromDecision };
  });
}

/** Failed checklist items and the open comment of the section's decision before this round (domain §6). */
export function carriedOver(decisions: DecisionRecord[], round: RoundRecord | null, unit: UnitCode) {
  if (!round || round.number === 1 || !round.units.includes(unit)) return [];
  let prev: DecisionRecord | null = null;
  for (const d of decisions) if (d.section === unit && d.round < round.number) prev = d;
  if (!prev) return [];
  const out = prev.checklist.filter((c) => c.result === 'fail').map((c) => ({ round: prev.round, code: c.code, note: c.note }));
  if (prev.decision === 'revise' && prev.opinion) out.unshift({ round: prev.round, code: 'opinion', note: prev.opinion });
  return out;
}
