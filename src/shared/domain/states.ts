/**
 * Filing states. Conditional acceptance is a property of the acceptance, not a state:
 * a conditionally accepted filing is `in_review` like any other, with open tracked items.
 */
export const FILING_STATES = [
  'draft', // being entered at the desk, autosaved
  'submitted', // waiting for the acceptance decision (5 working days)
  'correction_requested', // 补正: one notice lists everything; the applicant resubmits
  'not_accepted', // 不予受理 (final)
  'in_review', // a review round is open (20 working days)
  'supplement_requested', // a unit asked for revision; clock paused until the supplement arrives
  'rejected', // 不予通过 (final)
  'approved', // every unit decided, waiting for the certificate (10 working days)
  'registered', // certificate issued
  'suspended', // registration suspended after a breach
  'revoked', // registration revoked (final)
  'terminated', // ended before registration after a breach (final)
  'closed', // run period over; dismantled or sealed with a closure report (final)
] as const;
export type FilingState = (typeof FILING_STATES)[number];

export const FINAL_STATES: readonly FilingState[] = ['not_accepted', 'rejected', 'revoked', 'terminated', 'closed'];

/** States in which the filing's facts may still be edited at the desk (others change only through their step). */
export const EDITABLE_STATES: readonly FilingState[] = ['draft', 'submitted', 'correction_requested', 'in_review', 'supplement_requested'];

export const ACCEPTANCE_DECISIONS = ['accept', 'conditional', 'correction', 'notAccepted'] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

export const MATERIAL_STATES = ['present', 'missing'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];
