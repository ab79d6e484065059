import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  REVIEW_DECISIONS,
  roundOutcome,
  severity,
  unitsForNextRound,
  type ReviewDecision,
  type RoundOutcome,
  type UnitDecision,
} from '../../src/shared/domain/review';
import { UNIT_CODES } from '../../src/shared/domain/units';

const decision = fc.constantFrom(...REVIEW_DECISIONS);
/** A round: each of the five units at most once, with any decision (or none) and any staleness. */
const round = (d: fc.Arbitrary<ReviewDecision | null>, stale: fc.Arbitrary<boolean>) =>
  fc
    .subarray([...UNIT_CODES], { minLength: 1 })
    .chain((units) => fc.tuple(...units.map((unit) => fc.record({ unit: fc.constant(unit), decision: d, stale }))))
    .map((r): UnitDecision[] => r);
const decidedRound = round(decision, fc.constant(false));
const anyRound = round(fc.option(decision, { nil: null }), fc.boolean());

/** What the most severe decision alone leads to (domain §6). */
function expected(mostSevere: ReviewDecision, openItems: number): RoundOutcome {
  if (mostSevere === 'reject') return 'rejected';
  if (mostSevere === 'revise') return 'supplementRequested';
  if (mostSevere === 'approveWithConditions' || openItems > 0) return 'approvedWithConditions';
  return 'approved';
}

describe('severity', () => {
  it('orders reject > revise > approveWithConditions > approve > notInvolved', () => {
    const s = REVIEW_DECISIONS.map(severity);
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!).toBeGreaterThan(s[i]!);
    expect(severity('reject')).toBeGreaterThan(severity('approve'));
  });
});

describe('roundOutcome', () => {
  it('examples', () => {
    const u = (unit: UnitDecision['unit'], decision: ReviewDecision | null, stale = false): UnitDecision => ({ unit, decision, stale });
    expect(roundOutcome([u('yj', 'approve'), u('hb', 'approve')], 0)).toBe('approved');
    expect(roundOutcome([u('yj', 'approve'), u('hb', 'approve')], 2)).toBe('approvedWithConditions');
    expect(roundOutcome([u('yj', 'approve'), u('hb', 'approveWithConditions')], 0)).toBe('approvedWithConditions');
    expect(roundOutcome([u('yj', 'revise'), u('hb', 'reject')], 0)).toBe('rejected');
    expect(roundOutcome([u('yj', 'revise'), u('hb', 'approve')], 0)).toBe('supplementRequested');
    expect(roundOutcome([u('yj', 'approve'), u('hb', null)], 0)).toBe('pending');
    expect(roundOutcome([u('yj', 'reject', true), u('hb', 'approve')], 0)).toBe('pending');
    expect(roundOutcome([u('gh', 'notInvolved'), u('yq', 'notInvolved')], 0)).toBe('approved');
    expect(roundOutcome([], 0)).toBe('pending');
  });

  it('the outcome of a fully decided round is that of its most severe decision (property)', () => {
    fc.assert(
      fc.property(decidedRound, fc.nat(3), (units, openItems) => {
        const mostSevere = units.map((u) => u.decision!).reduce((a, b) => (severity(a) >= severity(b) ? a : b));
        expect(roundOutcome(units, openItems)).toBe(expected(mostSevere, openItems));
      }),
      { numRuns: 500 },
    );
  });

  it('is pending exactly while some unit has no decision or a stale one (property)', () => {
    fc.assert(
      fc.property(anyRound, fc.nat(3), (units, openItems) => {
        const open = units.some((u) => u.decision === null || u.stale);
        expect(roundOutcome(units, openItems) === 'pending').toBe(open);
      }),
      { numRuns: 500 },
    );
  });

  it('a stale decision never counts, whatever it was (property)', () => {
    fc.assert(
      fc.property(anyRound, fc.nat(2), decision, (units, openItems, other) => {
        const withOther = units.map((u) => (u.stale ? { ...u, decision: other } : u));
        expect(roundOutcome(withOther, openItems)).toBe(roundOutcome(units, openItems));
        // Re-confirming a stale "reject" as "approve" can therefore move the round, never the stale vote itself.
        if (units.some((u) => u.stale)) expect(roundOutcome(units, openItems)).toBe('pending');
      }),
      { numRuns: 500 },
    );
  });

  it('notInvolved counts as decided and never blocks or changes the outcome (property)', () => {
    fc.assert(
      fc.property(anyRound, fc.nat(2), (units, openItems) => {
        const withoutNotInvolved = units.filter((u) => !(u.decision === 'notInvolved' && !u.stale));
        if (withoutNotInvolved.length === 0) {
          expect(roundOutcome(units, openItems)).toBe(openItems > 0 ? 'approvedWithConditions' : 'approved');
        } else {
          expect(roundOutcome(units, openItems)).toBe(roundOutcome(withoutNotInvolved, openItems));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('unitsForNextRound', () => {
  it('takes the units that asked for revision plus those whose facts changed, in unit order', () => {
    const prev = [
      { unit: 'yj' as const, decision: 'approve' as const },
      { unit: 'hb' as const, decision: 'revise' as const },
      { unit: 'gh' as const, decision: 'notInvolved' as const },
      { unit: 'sp' as const, decision: 'approveWithConditions' as const },
      { unit: 'yq' as const, decision: 'revise' as const },
    ];
    expect(unitsForNextRound(prev, [])).toEqual(['hb', 'yq']);
    expect(unitsForNextRound(prev, ['sp', 'yj'])).toEqual(['yj', 'hb', 'sp', 'yq']);
    expect(unitsForNextRound(prev, ['gh'])).toEqual(['hb', 'gh', 'yq']); // notInvolved comes back only if touched
    expect(unitsForNextRound(prev, ['hb', 'hb'])).toEqual(['hb', 'yq']);
  });
  it('never includes an untouched unit that did not ask for revision (property)', () => {
    const prevArb = fc
      .subarray([...UNIT_CODES])
      .chain((units) => fc.tuple(...units.map((unit) => fc.record({ unit: fc.constant(unit), decision }))));
    fc.assert(
      fc.property(prevArb, fc.subarray([...UNIT_CODES]), (prev, changed) => {
        const next = unitsForNextRound(prev, changed);
        for (const u of UNIT_CODES) {
          const asked = prev.some((p) => p.unit === u && p.decision === 'revise');
          expect(next.includes(u)).toBe(asked || changed.includes(u));
        }
      }),
    );
  });
});
