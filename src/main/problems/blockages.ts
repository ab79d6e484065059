import type { BlockageView } from '../../shared/contract/problems-views';
import type { BlockageClass, ProblemGrade } from '../../shared/domain/problems';
import type { Q } from '../db/problems-schema';
import { blockageAggregates } from '../db/problems-queries';
import { histogramPercentile } from '../followup/dashboard';

/**
 * Common blockages (共性堵点): causes by category × class × unit, working days to close by category and grade
 * (median and P90 from a histogram, as the filings dashboard does), overdue problems by lead unit, re-assignments by
 * category and unsatisfied return visits. Every cell is a filter of problem.list, so the page drills down.
 */
export async function buildBlockageView(db: Q, today: string): Promise<BlockageView> {
  const started = performance.now();
  const a = await blockageAggregates(db, today);
  const cells = new Map<string, { category: string; grade: ProblemGrade; h: Map<number, number> }>();
  for (const r of a.solved) {
    const key = `${r.category}|${r.grade}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { category: r.category, grade: r.grade as ProblemGrade, h: new Map() }));
    cell.h.set(r.solved_days!, Number(r.n));
  }
  const byState = a.byState.map((r) => ({ key: r.state, n: Number(r.n) }));
  return {
    total: byState.reduce((s, r) => s + r.n, 0),
    byState,
    causes: a.causes
      .map((r) => ({ category: r.category, class: r.class as BlockageClass, unit: r.unit, n: Number(r.n) }))
      .sort((x, y) => y.n - x.n),
    solveDays: [...cells.values()].map((c) => ({
      category: c.category,
      grade: c.grade,
      n: [...c.h.values()].reduce((s, n) => s + n, 0),
      median: histogramPercentile(c.h, 50),
      p90: histogramPercentile(c.h, 90),
    })),
    overdueByLead: a.overdue.map((r) => ({ key: r.lead ?? '', n: Number(r.n) })).sort((x, y) => y.n - x.n),
    reassignments: a.reassigned.map((r) => ({ key: r.category, n: Number(r.n) })).sort((x, y) => y.n - x.n),
    unsatisfiedVisits: a.unsatisfied,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
