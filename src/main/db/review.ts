import { pausedSince } from './filings';
import type { Selectable } from 'kysely';
import type { Db, Trx } from './connection';
import type { DB } from './schema';
import type { ReviewDecision, RoundOutcome } from '../../shared/domain/review';
import type { UnitCode } from '../../shared/domain/units';
import type { DecisionView } from '../../shared/contract/review';

type Q = Db | Trx;

/** ',yj,hb,' ⇄ ['yj','hb']: the same form as filings.waiting_units, so a LIKE '%,yj,%' finds a unit. */
export const unitList = (units: readonly string[]) => (units.length ? `,${units.join(',')},` : '');
export const parseUnits = (s: string) => s.split(',').filter(Boolean) as UnitCode[];

export interface SupplementItem {
  section: UnitCode;
  opinion: string;
  failedItems: string[];
  /** The reviewer's note on each failed item (rounds closed before notes were kept have none stored). */
  notes?: Record<string, string>;
}

export interface RoundRecord {
  id: number;
  filingId: number;
  number: number;
  units: UnitCode[];
  openedAt: string;
  closedAt: string | null;
  outcome: RoundOutcome;
  supplementRequest: SupplementItem[] | null;
}

export type RoundRow = Selectable<DB['review_rounds']>;
export const toRound = (x: RoundRow): RoundRecord => ({
  id: x.id,
  filingId: x.filing_id,
  number: x.number,
  units: parseUnits(x.units),
  openedAt: x.opened_at,
  closedAt: x.closed_at,
  outcome: x.outcome as RoundOutcome,
  supplementRequest: x.supplement_request ? (JSON.parse(x.supplement_request) as SupplementItem[]) : null,
});

export async function getRounds(db: Q, filingId: number): Promise<RoundRecord[]> {
  const rows = await db.selectFrom('review_rounds').selectAll().where('filing_id', '=', filingId).orderBy('number').execute();
  return rows.map(toRound);
}

export async function insertRound(
  trx: Trx,
  a: { filingId: number; number: number; units: readonly UnitCode[]; openedAt: string },
): Promise<number> {
  const row = await trx
    .insertInto('review_rounds')
    .values({ filing_id: a.filingId, number: a.number, units: unitList(a.units), opened_at: a.openedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setRoundUnits(trx: Trx, roundId: number, units: readonly UnitCode[]): Promise<void> {
  await trx
    .updateTable('review_rounds')
    .set({ units: unitList(units) })
    .where('id', '=', roundId)
    .execute();
}

export async function closeRound(
  trx: Trx,
  roundId: number,
  a: { closedAt: string; outcome: RoundOutcome; supplementRequest: SupplementItem[] | null },
): Promise<void> {
  await trx
    .updateTable('review_rounds')
    .set({
      closed_at: a.closedAt,
      outcome: a.outcome,
      supplement_request: a.supplementRequest ? JSON.stringify(a.supplementRequest) : null,
    })
    .where('id', '=', roundId)
    .where('closed_at', 'is', null)
    .execute();
}

export interface DecisionRecord extends Omit<DecisionView, 'decidedBy'> {
  filingId: number;
  decidedBy: string;
  facts: unknown;
  staleAt: string | null;
}

export type DecisionRow = Selectable<DB['decisions']>;
export const toDecision = (x: DecisionRow): DecisionRecord => ({
  id: x.id,
  filingId: x.filing_id,
  round: x.round,
  section: x.section as UnitCode,
  decision: x.decision as ReviewDecision,
  opinion: x.opinion,
  notInvolvedReason: x.not_involved_reason,
  checklist: JSON.parse(x.checklist) as DecisionView['checklist'],
  conditions: JSON.parse(x.conditions) as DecisionView['conditions'],
  decidedById: x.decided_by,
  decidedBy: x.decided_by_name,
  decidedAt: x.decided_at,
  confirmedVia: x.confirmed_via as DecisionView['confirmedVia'],
  meetingId: x.meeting_id,
  filingVersion: x.filing_version,
  factsHash: x.facts_hash,
  facts: JSON.parse(x.facts) as unknown,
  stale: x.stale === 1,
  staleAt: x.stale_at,
});

/** Every decision on a filing, oldest first (a section's current decision is its last one). */
export async function getDecisions(db: Q, filingId: number): Promise<DecisionRecord[]> {
  const rows = await db.selectFrom('decisions').selectAll().where('filing_id', '=', filingId).orderBy('id').execute();
  return rows.map(toDecision);
}

export async function insertDecision(trx: Trx, a: Omit<DecisionRecord, 'id' | 'stale' | 'staleAt'>): Promise<number> {
  const row = await trx
    .insertInto('decisions')
    .values({
      filing_id: a.filingId,
      round: a.round,
      section: a.section,
      decision: a.decision,
      opinion: a.opinion,
      not_involved_reason: a.notInvolvedReason,
      checklist: JSON.stringify(a.checklist),
      conditions: JSON.stringify(a.conditions),
      decided_by: a.decidedById,
      decided_by_name: a.decidedBy,
      decided_at: a.decidedAt,
      confirmed_via: a.confirmedVia,
      meeting_id: a.meetingId,
      filing_version: a.filingVersion,
      facts_hash: a.factsHash,
      facts: JSON.stringify(a.facts),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markStale(trx: Trx, ids: number[], at: string): Promise<void> {
  if (!ids.length) return;
  await trx.updateTable('decisions').set({ stale: 1, stale_at: at }).where('id', 'in', ids).where('stale', '=', 0).execute();
}

/**
 * Conditions are never deleted (domain §6): when a unit re-decides, the conditions of the decision it replaces are
 * set "not applied" with the reason, and the new decision's own conditions take their place.
 */
export async function setConditionsNotApplied(trx: Trx, decisionIds: number[], note: string, at: string): Promise<void> {
  if (!decisionIds.length) return;
  await trx
    .updateTable('tracked_items')
    .set({ state: 'notApplied', note, closed_at: at })
    .where('kind', '=', 'condition')
    .where('source_decision_id', 'in', decisionIds)
    .where('state', 'in', ['open', 'supplied'])
    .execute();
}

/** Missing papers of a filing still open or supplied (not yet verified), as one query (also inside getReviewState). */
export const countOpenMaterialItemsQuery = (db: Q, filingId: number) =>
  db
    .selectFrom('tracked_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('filing_id', '=', filingId)
    .where('kind', '=', 'material')
    .where('state', 'in', ['open', 'supplied']);

export async function countOpenMaterialItems(db: Q, filingId: number): Promise<number> {
  return Number((await countOpenMaterialItemsQuery(db, filingId).executeTakeFirstOrThrow()).n);
}

/** The list's unit filter reads this column; it is kept equal to the sections pending in the open round. */
export async function setWaitingUnits(trx: Trx, filingId: number, units: readonly string[], dueDate?: string | null): Promise<void> {
  await trx
    .updateTable('filings')
    .set({ waiting_units: unitList(units), ...(dueDate !== undefined ? { due_date: dueDate } : {}) })
    .where('id', '=', filingId)
    .execute();
}

export async function insertPause(trx: Trx, a: { filingId: number; step: string; startedAt: string; reason: string }): Promise<void> {
  await trx.insertInto('clock_pauses').values({ filing_id: a.filingId, step: a.step, started_at: a.startedAt, reason: a.reason }).execute();
}

export async function endPause(trx: Trx, pauseId: number, endedAt: string): Promise<void> {
  await trx.updateTable('clock_pauses').set({ ended_at: endedAt }).where('id', '=', pauseId).where('ended_at', 'is', null).execute();
}

export interface InboxCandidate {
  filingId: number;
  filingNo: string;
  projectName: string;
  applicantName: string;
  state: string;
  waitingUnits: UnitCode[];
  round: number;
  roundOpenedAt: string;
  reviewStartedAt: string;
}

/**
 * Filings with an open round that still waits for `unit` (or for anyone when unit is null). The open-round join is
 * by a partial unique index, so this stays a walk over the in-review filings only.
 */
export async function inboxCandidates(db: Q, unit: UnitCode | null): Promise<InboxCandidate[]> {
  let q = db
    .selectFrom('filings as f')
    .innerJoin('review_rounds as o', (j) => j.onRef('o.filing_id', '=', 'f.id').on('o.closed_at', 'is', null))
    .innerJoin('review_rounds as first', (j) => j.onRef('first.filing_id', '=', 'f.id').on('first.number', '=', 1))
    .select([
      'f.id',
      'f.filing_no',
      'f.project_name',
      'f.applicant_name',
      'f.state',
      'f.waiting_units',
      'o.number',
      'o.opened_at',
      'first.opened_at as started_at',
    ])
    .where('f.state', '=', 'in_review')
    .where('f.waiting_units', '!=', '');
  if (unit) q = q.where('f.waiting_units', 'like', `%,${unit},%`);
  const rows = await q.execute();
  return rows.map((x) => ({
    filingId: x.id,
    filingNo: x.filing_no,
    projectName: x.project_name,
    applicantName: x.applicant_name,
    state: x.state,
    waitingUnits: parseUnits(x.waiting_units),
    round: x.number,
    roundOpenedAt: x.opened_at,
    reviewStartedAt: x.started_at,
  }));
}

/** Stale decisions in the open rounds of the given filings: when each section turned stale. */
export async function staleInOpenRounds(db: Q, filingIds: number[]): Promise<{ filingId: number; section: UnitCode; staleAt: string }[]> {
  if (!filingIds.length) return [];
  const rows = await db
    .selectFrom('decisions as d')
    .select(['d.filing_id', 'd.section', 'd.stale_at'])
    .where('d.filing_id', 'in', filingIds)
    .where('d.stale', '=', 1)
    // only a section's latest decision counts
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('decisions as n')
            .select('n.id')
            .whereRef('n.filing_id', '=', 'd.filing_id')
            .whereRef('n.section', '=', 'd.section')
            .whereRef('n.id', '>', 'd.id'),
        ),
      ),
    )
    .execute();
  return rows.map((x) => ({ filingId: x.filing_id, section: x.section as UnitCode, staleAt: x.stale_at ?? '' }));
}

export async function pausesOf(db: Q, filingIds: number[], step: string) {
  if (!filingIds.length) return [];
  return db
    .selectFrom('clock_pauses')
    .selectAll()
    .where('filing_id', 'in', filingIds)
    .where('step', '=', step)
    .orderBy('started_at')
    .execute();
}

export async function getEvents(db: Q, filingId: number) {
  return db.selectFrom('filing_events').selectAll().where('filing_id', '=', filingId).orderBy('at').orderBy('id').execute();
}

/** Filings waiting on the desk itself or on the applicant (domain §9): acceptance, certificate, correction, supplement. */
export async function deskWork(db: Q) {
  return db
    .selectFrom('filings')
    .select(['id', 'filing_no', 'project_name', 'applicant_name', 'state', 'due_date', 'updated_at', 'submitted_at'])
    .select(pausedSince(db).as('paused_since'))
    .where('state', 'in', ['submitted', 'approved', 'correction_requested', 'supplement_requested'])
    .execute();
}
