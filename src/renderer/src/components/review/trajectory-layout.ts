/**
 * Where everything on the trajectory map goes (domain §10). Pure: the same input always draws the same map,
 * and it can be timed and tested without a browser.
 */
import type { Trajectory } from '../../../../shared/contract/review';

/**
 * What the map draws: a filing's trajectory, or anything with the same shape whose lanes are other parties
 * (an enterprise problem's departments and the firm).
 */
export type MapInput = Pick<Trajectory, 'from' | 'to'> & {
  summary: { holder: string | null };
  lanes: readonly string[];
  intervals: readonly (Omit<Trajectory['intervals'][number], 'party'> & { party: string })[];
  events: readonly (Omit<Trajectory['events'][number], 'party'> & { party: string })[];
};
type Party = string;

export const MAP = { labelWidth: 84, axisHeight: 28, laneHeight: 34, padRight: 16, padBottom: 8, barHeight: 14 } as const;
const DAY = 86_400_000;

export interface LaneBox {
  party: Party;
  y: number;
  holder: boolean;
}
export interface BarBox {
  party: Party;
  x: number;
  y: number;
  w: number;
  counted: boolean;
  overdue: boolean;
  open: boolean;
  label: string;
  from: string;
  to: string | null;
}
export interface MarkBox {
  x: number;
  y: number;
  kind: string;
  label: string;
  actor: string | null;
  at: string;
  party: Party;
}
export interface Tick {
  x: number;
  label: string;
}
export interface MapLayout {
  width: number;
  height: number;
  lanes: LaneBox[];
  bars: BarBox[];
  marks: MarkBox[];
  ticks: Tick[];
  nowX: number;
}

const time = (s: string) => {
  const v = Date.parse(s);
  return Number.isNaN(v) ? null : v;
};

const TICK_STEPS_DAYS = [1, 2, 7, 14, 30, 61, 91, 182, 365];

const pad = (n: number) => String(n).padStart(2, '0');

function tickLabel(t: number, stepDays: number): string {
  const d = new Date(t);
  return stepDays >= 30 ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}` : `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Midnight ticks (months for long spans) at a step that keeps about eight of them across the axis. */
function ticks(from: number, to: number, x: (t: number) => number): Tick[] {
  const spanDays = Math.max(1, (to - from) / DAY);
  const step = TICK_STEPS_DAYS.find((s) => spanDays / s <= 8) ?? 365;
  const out: Tick[] = [];
  const start = new Date(from);
  if (step >= 30) {
    const months = Math.round(step / 30.4);
    let d = new Date(start.getFullYear(), start.getMonth() + 1, 1);
    while (d.getTime() <= to && out.length < 40) {
      out.push({ x: x(d.getTime()), label: tickLabel(d.getTime(), step) });
      d = new Date(d.getFullYear(), d.getMonth() + months, 1);
    }
  } else {
    let d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    while (d.getTime() <= to && out.length < 40) {
      out.push({ x: x(d.getTime()), label: tickLabel(d.getTime(), step) });
      d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + step);
    }
  }
  return out;
}

/**
 * 'time': x is proportional to time. 'sequence': every distinct moment gets the same width, so a morning of decisions
 * after months of waiting can still be read; intervals stretch between the moments they span.
 */
export type MapScale = 'time' | 'sequence';

function sequenceScale(stops: number[], left: number, right: number): { x: (t: number) => number; ticks: Tick[] } {
  const n = stops.length;
  const pad = 12;
  const step = n > 1 ? (right - left - 2 * pad) / (n - 1) : 0;
  const x = (t: number) => {
    if (n <= 1 || t <= stops[0]!) return left + pad;
    if (t >= stops[n - 1]!) return left + pad + (n - 1) * step;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (stops[mid]! <= t) lo = mid;
      else hi = mid;
    }
    return left + pad + (lo + (t - stops[lo]!) / (stops[hi]! - stops[lo]!)) * step;
  };
  const out: Tick[] = [];
  const every = Math.max(1, Math.ceil(n / 8));
  for (let i = 0; i < n; i += every) {
    const label = tickLabel(stops[i]!, 1);
    if (out.at(-1)?.label !== label) out.push({ x: x(stops[i]!), label });
  }
  return { x, ticks: out };
}

export function layoutTrajectory(tr: MapInput, width: number, scale: MapScale = 'time'): MapLayout {
  const lanes = tr.lanes.length > 0 ? tr.lanes : [...new Set([...tr.intervals.map((i) => i.party), ...tr.events.map((e) => e.party)])];
  const laneIndex = new Map(lanes.map((p, i) => [p, i]));
  const times = [tr.from, tr.to, ...tr.events.map((e) => e.at), ...tr.intervals.flatMap((i) => [i.from, i.to ?? tr.to])]
    .map(time)
    .filter((v): v is number => v !== null);
  let from = Math.min(...times);
  let to = Math.max(...times);
  if (!Number.isFinite(from) || !Number.isFinite(to)) from = to = Date.now();
  // A little air at both ends so the first and last markers are not cut in half.
  const margin = Math.max((to - from) * 0.02, DAY / 4);
  from -= margin;
  to += margin;
  const left = MAP.labelWidth;
  const right = width - MAP.padRight;
  const linear = (t: number) => left + ((t - from) / (to - from)) * (right - left);
  const sequence =
    scale === 'sequence'
      ? sequenceScale(
          [...new Set(times)].sort((a, b) => a - b),
          left,
          right,
        )
      : null;
  const x = sequence?.x ?? linear;
  const laneY = (p: Party) => MAP.axisHeight + (laneIndex.get(p) ?? 0) * MAP.laneHeight;
  const end = time(tr.to) ?? to;

  const bars: BarBox[] = [];
  for (const iv of tr.intervals) {
    const a = time(iv.from);
    if (a === null || !laneIndex.has(iv.party)) continue;
    const b = iv.to === null ? end : (time(iv.to) ?? end);
    const x0 = x(a);
    bars.push({
      party: iv.party,
      x: x0,
      y: laneY(iv.party) + (MAP.laneHeight - MAP.barHeight) / 2,
      w: Math.max(2, x(b) - x0),
      counted: iv.counted,
      overdue: iv.overdue,
      open: iv.to === null,
      label: iv.label,
      from: iv.from,
      to: iv.to,
    });
  }
  const marks: MarkBox[] = [];
  for (const ev of tr.events) {
    const t = time(ev.at);
    if (t === null || !laneIndex.has(ev.party)) continue;
    marks.push({
      x: x(t),
      y: laneY(ev.party) + MAP.laneHeight / 2,
      kind: ev.kind,
      label: ev.label,
      actor: ev.actor,
      at: ev.at,
      party: ev.party,
    });
  }
  const openParties = new Set(tr.intervals.filter((i) => i.to === null).map((i) => i.party));
  return {
    width,
    height: MAP.axisHeight + lanes.length * MAP.laneHeight + MAP.padBottom,
    // With no single holder (several units deciding at once) every party still holding an open interval has the move.
    lanes: lanes.map((p) => ({ party: p, y: laneY(p), holder: tr.summary.holder ? tr.summary.holder === p : openParties.has(p) })),
    bars,
    marks,
    ticks: sequence?.ticks ?? ticks(from, to, x),
    nowX: x(end),
  };
}
