import { sql } from 'kysely';
import type { Db, Trx } from './connection';
import { dialectOf } from './dialect';
import { filingQuery, getFiling, toRecord, type FilingRecord } from './filings';
import {
  countOpenMaterialItems,
  countOpenMaterialItemsQuery,
  getDecisions,
  getRounds,
  toDecision,
  toRound,
  type DecisionRecord,
  type DecisionRow,
  type RoundRecord,
  type RoundRow,
} from './review';

type Q = Db | Trx;

/** A filing with its review rounds and decisions, or a null filing (and no rows) when there is none. */
export interface ReviewState {
  filing: FilingRecord | null;
  rounds: RoundRecord[];
  decisions: DecisionRecord[];
  /** Missing papers still open (or supplied, not yet verified): a round whose units all approve waits for them. */
  openMaterialItems: number;
}

/**
 * What a decision checks under the write lock, and what its reply shows, in one read. On PostgreSQL one statement,
 * each round trip being a wait for the server: the filing's record and its rounds and decisions come back as JSON,
 * read by the same mappers as the separate reads (the tables hold integers and text only, which JSON carries
 * unchanged; test/integration/review-state.test.ts compares both ways). On SQLite, in process, the three reads.
 */
export async function getReviewState(db: Q, filingId: number): Promise<ReviewState> {
  if (dialectOf(db) !== 'postgres') {
    const filing = await getFiling(db, filingId);
    if (!filing) return { filing, rounds: [], decisions: [], openMaterialItems: 0 };
    return {
      filing,
      rounds: await getRounds(db, filingId),
      decisions: await getDecisions(db, filingId),
      openMaterialItems: await countOpenMaterialItems(db, filingId),
    };
  }
  type Rows = {
    filing: Parameters<typeof toRecord>[0] | null;
    rounds: RoundRow[] | null;
    decisions: DecisionRow[] | null;
    open_items: number;
  };
  const { rows } = await sql<Rows>`SELECT (SELECT row_to_json(f) FROM (${filingQuery(db, filingId)}) AS f) AS filing,
    (SELECT json_agg(r ORDER BY r.number) FROM review_rounds AS r WHERE r.filing_id = ${filingId}) AS rounds,
    (SELECT json_agg(d ORDER BY d.id) FROM decisions AS d WHERE d.filing_id = ${filingId}) AS decisions,
    (${countOpenMaterialItemsQuery(db, filingId)}) AS open_items`.execute(db);
  const row = rows[0];
  if (!row?.filing) return { filing: null, rounds: [], decisions: [], openMaterialItems: 0 };
  return {
    filing: toRecord(row.filing),
    rounds: (row.rounds ?? []).map(toRound),
    decisions: (row.decisions ?? []).map(toDecision),
    openMaterialItems: Number(row.open_items),
  };
}
