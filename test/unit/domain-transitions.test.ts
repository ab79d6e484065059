import { describe, expect, it } from 'vitest';
import { FILING_STATES, FINAL_STATES, type FilingState } from '../../src/shared/domain/states';
import {
  FILING_ACTIONS,
  nextState,
  requireTransition,
  statesAllowing,
  type FilingAction,
  type Mover,
} from '../../src/shared/domain/transitions';
import { ROLES } from '../../src/shared/domain/units';
import { DeskError } from '../../src/shared/result';

/**
 * The lifecycle as domain §§5–9 tell it, written out here independently of the table: each line is
 * "from --action--> to, who". Every (state, action, mover) triple is checked against it, both ways.
 */
const LIFECYCLE = `
draft                --submit-->            submitted             clerk
correction_requested --submit-->            submitted             clerk
submitted            --accept-->            in_review             clerk
submitted            --conditional-->       in_review             clerk
submitted            --correction-->        correction_requested  clerk
submitted            --notAccepted-->       not_accepted          clerk
in_review            --decide-->            in_review             reviewer
in_review            --pauseClock-->        in_review             clerk
in_review            --approveRound-->      approved              reviewer
in_review            --requestSupplement--> supplement_requested  reviewer
in_review            --rejectRound-->       rejected              reviewer
supplement_requested --recordSupplement-->  in_review             clerk
approved             --issueCertificate-->  registered            clerk
registered           --suspend-->           suspended             clerk,desk
suspended            --reinstate-->         registered            reviewer,clerk,desk
registered           --revoke-->            revoked               clerk
suspended            --revoke-->            revoked               clerk
submitted            --terminate-->         terminated            clerk,desk
correction_requested --terminate-->         terminated            clerk,desk
in_review            --terminate-->         terminated            clerk,desk
supplement_requested --terminate-->         terminated            clerk,desk
approved             --terminate-->         terminated            clerk,desk
registered           --close-->             closed                clerk
suspended            --close-->             closed                clerk
`;

const expected = new Map<string, { to: FilingState; by: Mover[] }>();
for (const line of LIFECYCLE.trim().split('\n')) {
  const [from, arrow, to, by] = line.trim().split(/\s+/) as [FilingState, string, FilingState, string];
  expected.set(`${from} ${arrow.replace(/^--|-->$/g, '')}`, { to, by: by.split(',') as Mover[] });
}

const MOVERS: Mover[] = [...ROLES, 'desk'];
const actorOf = (m: Mover) => (m === 'desk' ? null : { role: m });

function refusal(f: () => unknown): DeskError | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
}

describe('the filing transition table', () => {
  const pairs = FILING_STATES.flatMap((s) => FILING_ACTIONS.map((a) => [s, a] as [FilingState, FilingAction]));

  it('has the lifecycle line for every allowed pair and none other', () => {
    expect(pairs.length).toBe(FILING_STATES.length * FILING_ACTIONS.length);
    const allowed = pairs.filter(([s, a]) => nextState(s, a) !== null).map(([s, a]) => `${s} ${a}`);
    expect(allowed.sort()).toEqual([...expected.keys()].sort());
  });

  it.each(pairs)('%s × %s: the allowed movers get the next state; others FORBIDDEN; a pair not in it CONFLICT', (state, action) => {
    const line = expected.get(`${state} ${action}`);
    for (const mover of MOVERS) {
      const error = refusal(() => requireTransition(actorOf(mover), state, action));
      if (!line) expect(error?.code, `${mover}`).toBe('CONFLICT');
      else if (line.by.includes(mover)) expect(requireTransition(actorOf(mover), state, action)).toBe(line.to);
      else expect(error?.code, `${mover}`).toBe('FORBIDDEN');
    }
  });

  it("a refused pair carries the caller's own message key when given one", () => {
    expect(refusal(() => requireTransition({ role: 'clerk' }, 'registered', 'submit', 'filing.notSubmittable'))?.key).toBe(
      'filing.notSubmittable',
    );
    expect(refusal(() => requireTransition({ role: 'clerk' }, 'registered', 'submit'))?.key).toBe('state.refused');
  });

  it('final states allow nothing; every other state has a way on; every state is reachable from a draft', () => {
    for (const s of FINAL_STATES) expect(FILING_ACTIONS.filter((a) => nextState(s, a) !== null)).toEqual([]);
    for (const s of FILING_STATES.filter((x) => !FINAL_STATES.includes(x)))
      expect(FILING_ACTIONS.some((a) => (nextState(s, a) ?? s) !== s)).toBe(true);
    const seen = new Set<FilingState>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...seen])
        for (const a of FILING_ACTIONS) {
          const to = nextState(s, a);
          if (to && !seen.has(to)) grew = seen.add(to) !== null;
        }
    }
    expect([...seen].sort()).toEqual([...FILING_STATES].sort());
  });

  it('the timed desk alone never revokes (domain §9); the register and the sweep list agree with the table', () => {
    expect(refusal(() => requireTransition(null, 'suspended', 'revoke'))?.code).toBe('FORBIDDEN');
    expect(statesAllowing('close').sort()).toEqual(['registered', 'suspended']);
  });
});
