import type { Db, Trx } from '../db/connection';
import type { DecisionView, ReviewView } from '../../shared/contract/review';
import { UNIT_CODES } from '../../shared/domain/units';
import { DeskError } from '../../shared/result';
import type { DecisionRecord, RoundRecord } from '../db/review';
import { getReviewState, type ReviewState } from '../db/review-state';
import type { FilingRecord } from '../db/filings';
import { carriedOver, lastDecision, latestRound, withNotes } from './state';

const toView = (d: DecisionRecord): DecisionView => ({
  id: d.id,
  round: d.round,
  section: d.section,
  decision: d.decision,
  opinion: d.opinion,
  notInvolvedReason: d.notInvolvedReason,
  checklist: d.checklist,
  conditions: d.conditions,
  decidedById: d.decidedById,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt,
  confirmedVia: d.confirmedVia,
  meetingId: d.meetingId,
  filingVersion: d.filingVersion,
  factsHash: d.factsHash,
  stale: d.stale,
});

/** getReviewState for a filing that must exist (NOT_FOUND otherwise), as requireFiling is to getFiling. */
export async function requireReviewState(db: Db | Trx, filingId: number): Promise<ReviewState & { filing: FilingRecord }> {
  const state = await getReviewState(db, filingId);
  if (!state.filing) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return { ...state, filing: state.filing };
}

/** The review as every screen sees it: rounds, each section's current decision and history, what carries over. */
export async function buildReviewView(db: Db | Trx, filingId: number): Promise<ReviewView> {
  const { filing, rounds, decisions } = await requireReviewState(db, filingId);
  return reviewViewOf(filing, rounds, decisions);
}

/** The same view from rows already read (the decision's reply reads them once for its notices and its view). */
export function reviewViewOf(
  filing: Pick<FilingRecord, 'id' | 'version' | 'state'>,
  rounds: RoundRecord[],
  decisions: DecisionRecord[],
): ReviewView {
  const filingId = filing.id;
  const round = latestRound(rounds);
  return {
    filingId,
    filingVersion: filing.version,
    state: filing.state,
    currentRound: round?.number ?? null,
    rounds: rounds.map((r) => ({ number: r.number, units: r.units, openedAt: r.openedAt, closedAt: r.closedAt, outcome: r.outcome })),
    sections: UNIT_CODES.map((unit) => {
      const inRound = round?.units.includes(unit) ?? false;
      // In the round: only this round's decision is current (null until the unit decides again).
      const current = round ? (inRound ? lastDecision(decisions, unit, round.number) : lastDecision(decisions, unit)) : null;
      return {
        section: unit,
        inRound,
        current: current ? toView(current) : null,
        history: decisions.filter((d) => d.section === unit).map(toView),
        carriedOver: carriedOver(decisions, round, unit),
      };
    }),
    supplementRequest: round && round.outcome === 'supplementRequested' ? withNotes(round.supplementRequest ?? [], decisions, round) : null,
  };
}
