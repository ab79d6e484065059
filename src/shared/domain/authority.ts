/** Separation of duties (domain §3): who may decide a review section. */
import { DeskError } from '../result';
import type { UnitCode } from './units';

export interface Decider {
  role: string;
  unit: UnitCode | null;
}

/** Only a reviewer of the section's own unit decides it; the database trigger enforces the same rule. */
export function requireAuthority<A extends Decider>(decider: A | null, section: string): asserts decider is A {
  if (!decider || decider.role !== 'reviewer' || decider.unit !== section)
    throw new DeskError('FORBIDDEN', 'review.notYourSection', { section });
}
