/**
 * getReviewState reads a filing with its rounds and decisions in one statement on PostgreSQL (rows as JSON, read by
 * the same mappers) and in three on SQLite. On both stores it must give exactly what the separate reads give: the
 * decision path and its reply now rely on it, and on its count of open papers, which decides how a round closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedFiling, reviewDesk, type ReviewDesk } from '../helpers/review-desk';
import { decisionInput } from '../helpers/desk';
import { countOpenMaterialItems, getDecisions, getRounds } from '../../src/main/db/review';
import { getReviewState } from '../../src/main/db/review-state';
import { getFiling } from '../../src/main/db/filings';

let d: ReviewDesk;
beforeAll(async () => (d = await reviewDesk()), 120_000);
afterAll(() => d.t.close());

describe('the review state in one read', () => {
  it('equals the filing, rounds and decisions read one by one: approved with a condition, half decided, none', async () => {
    const db = d.t.desk.services.store.db;
    const approved = await approvedFiling(d, { conditional: true, lockCondition: true });
    const half = await d.t.acceptedFiling();
    let view = await d.clerk.session.ok('review.get', { filingId: half.id });
    view = await d.rv.hb.session.ok('review.decide', decisionInput(view, 'hb', 'approve'));
    await d.rv.gh.session.ok('review.decide', decisionInput(view, 'gh', 'approve', { opinion: '意见含"引号"与\n换行' }));

    for (const id of [approved.id, half.id]) {
      const state = await getReviewState(db, id);
      expect(state).toEqual({
        filing: await getFiling(db, id),
        rounds: await getRounds(db, id),
        decisions: await getDecisions(db, id),
        openMaterialItems: await countOpenMaterialItems(db, id),
      });
      expect(state.filing).not.toBeNull();
      expect(state.rounds.length).toBeGreaterThan(0);
    }
    expect((await getReviewState(db, approved.id)).decisions).toHaveLength(5);
    expect((await getReviewState(db, half.id)).decisions.map((x) => x.section)).toEqual(['hb', 'gh']);
    // Accepted conditionally: its missing papers are open, and a round whose units all approve waits for them.
    expect((await getReviewState(db, approved.id)).openMaterialItems).toBeGreaterThan(0);
    expect((await getReviewState(db, half.id)).openMaterialItems).toBe(0);
    expect(await getReviewState(db, 987_654)).toEqual({ filing: null, rounds: [], decisions: [], openMaterialItems: 0 });
  });
});
