/**
 * The filing's one transition table (domain §5 lifecycle): state × action → next state, and who may take it. Every
 * write of a filing's state on the server asks `requireTransition` first; the value it returns is the only thing the
 * store accepts as a new state (see `Moved`), so a state cannot change by any other road.
 */
import { DeskError } from '../result';
import type { FilingState } from './states';
import type { Role } from './units';

export const FILING_ACTIONS = [
  'submit', // the clerk submits a draft, or resubmits after a correction notice
  'accept', // acceptance decisions (domain §5), by their names in ACCEPTANCE_DECISIONS
  'conditional',
  'correction',
  'notAccepted',
  'decide', // a unit's decision that leaves the round open
  'pauseClock', // an expert review pauses or resumes the review clock
  'approveRound', // the round's last decision closes it: approved (with or without conditions)
  'requestSupplement', // … a unit asked for revision
  'rejectRound', // … a unit rejected
  'recordSupplement', // the applicant's supplement arrives; the next round opens
  'issueCertificate',
  'suspend', // breach escalation (domain §9)
  'reinstate', // every overdue item closed or set "not applied" by its unit
  'revoke', // after the grace period, confirmed by the clerk; or from the register
  'terminate', // a breach before registration
  'close', // run period over: dismantled or sealed
] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];

/** A signed-in role, or `desk`: the desk itself acting on its timer (the escalation sweep, no one signed in). */
export type Mover = Role | 'desk';

export interface Transition {
  from: FilingState;
  action: FilingAction;
  to: FilingState;
  by: readonly Mover[];
}

const BEFORE_REGISTRATION = ['submitted', 'correction_requested', 'in_review', 'supplement_requested', 'approved'] as const;

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: ['clerk'] },
  { from: 'correction_requested', action: 'submit', to: 'submitted', by: ['clerk'] },
  { from: 'submitted', action: 'accept', to: 'in_review', by: ['clerk'] },
  { from: 'submitted', action: 'conditional', to: 'in_review', by: ['clerk'] },
  { from: 'submitted', action: 'correction', to: 'correction_requested', by: ['clerk'] },
  { from: 'submitted', action: 'notAccepted', to: 'not_accepted', by: ['clerk'] },
  { from: 'in_review', action: 'decide', to: 'in_review', by: ['reviewer'] },
  { from: 'in_review', action: 'pauseClock', to: 'in_review', by: ['clerk'] },
  { from: 'in_review', action: 'approveRound', to: 'approved', by: ['reviewer'] },
  { from: 'in_review', action: 'requestSupplement', to: 'supplement_requested', by: ['reviewer'] },
  { from: 'in_review', action: 'rejectRound', to: 'rejected', by: ['reviewer'] },
  { from: 'supplement_requested', action: 'recordSupplement', to: 'in_review', by: ['clerk'] },
  { from: 'approved', action: 'issueCertificate', to: 'registered', by: ['clerk'] },
  { from: 'registered', action: 'suspend', to: 'suspended', by: ['clerk', 'desk'] },
  // The verifying unit's close or "not applied" lifts it, or a sweep that finds nothing overdue any more.
  { from: 'suspended', action: 'reinstate', to: 'registered', by: ['reviewer', 'clerk', 'desk'] },
  // Never by the desk alone: the clerk confirms each revocation from the sweep's preview, or revokes from the register.
  { from: 'registered', action: 'revoke', to: 'revoked', by: ['clerk'] },
  { from: 'suspended', action: 'revoke', to: 'revoked', by: ['clerk'] },
  ...BEFORE_REGISTRATION.map((from) => ({ from, action: 'terminate' as const, to: 'terminated' as const, by: ['clerk', 'desk'] as const })),
  { from: 'registered', action: 'close', to: 'closed', by: ['clerk'] },
  { from: 'suspended', action: 'close', to: 'closed', by: ['clerk'] },
];

export const findTransition = (from: FilingState, action: FilingAction): Transition | undefined =>
  TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The next state, or null when the table has no such move from this state. */
export const nextState = (from: FilingState, action: FilingAction): FilingState | null => findTransition(from, action)?.to ?? null;

/** The states from which the table allows an action. */
export const statesAllowing = (action: FilingAction): FilingState[] => TRANSITIONS.filter((t) => t.action === action).map((t) => t.from);

/** The move that goes with each new status of the certificate in force (the filing follows its certificate). */
export const REGISTRATION_ACTION = { issued: 'reinstate', suspended: 'suspend', revoked: 'revoke' } as const satisfies Record<
  string,
  FilingAction
>;

/** A state that came out of the table; the store's version bump takes no other. */
export type Moved = FilingState & { readonly __moved: true };

/**
 * Checks one move against the table: CONFLICT when the state does not allow the action (with `conflictKey`, the
 * caller's more specific message, when it has one), FORBIDDEN when the mover may not take it. `actor` null is the desk.
 */
export function requireTransition(
  actor: { role: Role } | null,
  from: FilingState,
  action: FilingAction,
  conflictKey = 'state.refused',
): Moved {
  const t = findTransition(from, action);
  if (!t) throw new DeskError('CONFLICT', conflictKey, { state: from, action });
  const mover: Mover = actor ? actor.role : 'desk';
  if (!t.by.includes(mover)) throw new DeskError('FORBIDDEN', 'state.notYours', { state: from, action });
  return t.to as Moved;
}
