/**
 * The oversight dashboard (domain §10, across filings): counts by state, working days per step and per unit
 * (median and 90th percentile), where cases wait longest, overdue items by unit, and throughput per month.
 * Durations come from the step_durations histogram that triggers keep current, so the cost does not grow with the
 * number of events on file.
 */
import type { Dashboard } from '../../shared/contract/followup';
import { DASHBOARD_STEPS } from '../../shared/contract/followup';
import { FILING_STATES, type FilingState } from '../../shared/domain/states';
import { UNIT_CODES, type UnitCode } from '../../shared/domain/units';
import { addMonths } from '../../shared/domain/calendar';
import type { Db } from '../db/connection';
import { countByState, currentWaits, durationHistogram, itemsByUnit, monthlyThroughput } from '../db/dashboard';
import { parseUnits } from '../db/review';

/** A histogram: working days -> how many spans took that long. */
type Histogram = Map<number, number>;

const add = (h: Histogram, days: number, n = 1) => h.set(days, (h.get(days) ?? 0) + n);

/** Nearest-rank percentile over a histogram (the same definition as the benchmarks' percentile). */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const total = [...h.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const days of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(days)!;
    if (seen >= rank) return days;
  }
  return null;
}

const stats = (h: Histogram) => ({
  n: [...h.values()].reduce((a, b) => a + b, 0),
  median: histogramPercentile(h, 50),
  p90: histogramPercentile(h, 90),
});

const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
};

export async function buildDashboard(db: Db, today: string, monthsBack: number): Promise<Dashboard> {
  const started = performance.now();
  const thisMonth = today.slice(0, 7);
  const fromMonth = addMonths(`${thisMonth}-01`, -(monthsBack - 1)).slice(0, 7);
  const [states, histogram, waits, items, throughput] = await Promise.all([
    countByState(db),
    durationHistogram(db, fromMonth),
    currentWaits(db, today),
    itemsByUnit(db, today),
    monthlyThroughput(db, fromMonth),
  ]);

  const byStep = new Map<string, Histogram>(DASHBOARD_STEPS.map((s) => [s, new Map()]));
  const byUnit = new Map<UnitCode, Histogram>(UNIT_CODES.map((u) => [u, new Map()]));
  for (const r of histogram) {
    const n = Number(r.n);
    if (r.party === 'all' || r.party === 'desk' || r.party === 'applicant')
      add(byStep.get(r.step) ?? byStep.set(r.step, new Map()).get(r.step)!, r.days, n);
    else if (byUnit.has(r.party as UnitCode)) add(byUnit.get(r.party as UnitCode)!, r.days, n);
  }
  const waiting = new Map<UnitCode, Histogram>(UNIT_CODES.map((u) => [u, new Map()]));
  for (const w of waits) for (const u of parseUnits(w.waiting_units)) waiting.get(u)?.set(w.days, (waiting.get(u)!.get(w.days) ?? 0) + 1);

  const units = UNIT_CODES.map((unit) => {
    const now = waiting.get(unit)!;
    return {
      unit,
      ...stats(byUnit.get(unit)!),
      waitingNow: stats(now).n,
      waitingDays: [...now].reduce((sum, [days, n]) => sum + days * n, 0),
      waitingMedian: histogramPercentile(now, 50),
      waitingMax: now.size ? Math.max(...now.keys()) : null,
    };
  });
  // Where cases wait longest: the unit holding the most filing-days of open waits right now; with nobody waiting,
  // the unit whose finished reviews took longest (90th percentile, then median).
  const waitingTop = [...units].sort((a, b) => b.waitingDays - a.waitingDays || b.waitingNow - a.waitingNow)[0]!;
  const doneTop = units.filter((u) => u.p90 !== null).sort((a, b) => b.p90! - a.p90! || b.median! - a.median!)[0];
  const bottleneck =
    waitingTop.waitingDays > 0
      ? {
          unit: waitingTop.unit,
          basis: 'waiting' as const,
          median: waitingTop.waitingMedian!,
          waitingNow: waitingTop.waitingNow,
          waitingDays: waitingTop.waitingDays,
        }
      : doneTop
        ? {
            unit: doneTop.unit,
            basis: 'completed' as const,
            median: doneTop.median!,
            waitingNow: doneTop.waitingNow,
            waitingDays: doneTop.waitingDays,
          }
        : null;

  const count = new Map(states.map((s) => [s.state, Number(s.n)]));
  const perMonth = months(fromMonth, thisMonth).map((month) => ({
    month,
    submitted: Number(throughput.submitted.find((s) => s.month === month)?.n ?? 0),
    accepted: Number(throughput.steps.find((s) => s.month === month && s.step === 'acceptance')?.n ?? 0),
    registered: Number(throughput.steps.find((s) => s.month === month && s.step === 'certificate')?.n ?? 0),
  }));
  return {
    today,
    fromMonth,
    total: [...count.values()].reduce((a, b) => a + b, 0),
    byState: FILING_STATES.map((state: FilingState) => ({ state, n: count.get(state) ?? 0 })),
    steps: DASHBOARD_STEPS.map((step) => ({ step, ...stats(byStep.get(step)!) })),
    units,
    bottleneck,
    overdueByUnit: UNIT_CODES.map((unit) => {
      const r = items.find((i) => i.unit === unit);
      return { unit, overdue: Number(r?.overdue ?? 0), open: Number(r?.open ?? 0) };
    }),
    perMonth,
    elapsedMs: performance.now() - started,
  };
}
