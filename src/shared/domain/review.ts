/** Joint-review rounds (domain §6): how unit decisions combine, and who decides again after a supplement. */
import { UNIT_CODES, type UnitCode } from './units';

/** Most severe first; the order is the rule. */
export const REVIEW_DECISIONS = ['reject', 'revise', 'approveWithConditions', 'approve', 'notInvolved'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Higher = more severe. */
export function severity(d: ReviewDecision): number {
  return REVIEW_DECISIONS.length - 1 - REVIEW_DECISIONS.indexOf(d);
}

export interface UnitDecision {
  unit: UnitCode;
  /** null = not yet decided */
  decision: ReviewDecision | null;
  /** the facts changed after the unit signed: the decision no longer counts until re-confirmed */
  stale: boolean;
}

export type RoundOutcome = 'pending' | 'rejected' | 'supplementRequested' | 'approvedWithConditions' | 'approved';

export function roundOutcome(units: UnitDecision[], openConditionalItems: number): RoundOutcome {
  // A round without any deciding unit cannot have closed.
  if (units.length === 0) return 'pending';
  if (units.some((u) => u.decision === null || u.stale)) return 'pending';
  const decisions = units.map((u) => u.decision as ReviewDecision);
  if (decisions.includes('reject')) return 'rejected';
  if (decisions.includes('revise')) return 'supplementRequested';
  if (decisions.includes('approveWithConditions') || openConditionalItems > 0) return 'approvedWithConditions';
  return 'approved';
}

/**
 * Units that decide in the next round: those that asked for revision plus those whose signed facts the supplement
 * changed. A unit that was not involved stays out unless the supplement touched what it covers.
 */
export function unitsForNextRound(prev: { unit: UnitCode; decision: ReviewDecision }[], changedSinceSigned: UnitCode[]): UnitCode[] {
  const next = new Set<UnitCode>(changedSinceSigned);
  for (const p of prev) if (p.decision === 'revise') next.add(p.unit);
  return UNIT_CODES.filter((u) => next.has(u));
}

/** What a decision must carry beside its choice: the parts of it the opinion rules read. */
export interface DecisionDraft {
  decision: ReviewDecision;
  opinion: string;
  notInvolvedReason: string;
  conditions: readonly unknown[];
}

/**
 * The opinion rules: every decision but approve gives an opinion; not-involved gives its reason; conditions come with
 * "approve with conditions" and only with it. Returns catalogue keys by field, for the contract and the forms alike.
 */
export function decisionProblems(d: DecisionDraft): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  if (d.decision !== 'approve' && d.decision !== 'notInvolved' && !d.opinion.trim())
    out.push({ path: 'opinion', key: 'v.review.opinionRequired' });
  if (d.decision === 'notInvolved' && !d.notInvolvedReason.trim()) out.push({ path: 'notInvolvedReason', key: 'v.review.reasonRequired' });
  if (d.decision === 'approveWithConditions' && d.conditions.length === 0)
    out.push({ path: 'conditions', key: 'v.review.conditionRequired' });
  if (d.decision !== 'approveWithConditions' && d.conditions.length > 0)
    out.push({ path: 'conditions', key: 'v.review.conditionsOnlyWithConditions' });
  return out;
}
