import { DeskError } from '../../shared/result';

/**
 * Exports in progress, by the id the desk's window gave the run: how far each has got and whether its account asked to
 * stop it. The export loop reads `cancelled` between chunks; the window asks for `written` / `total` as it waits.
 */
export interface ExportRun {
  actorId: number;
  written: number;
  /** Null until the rows are counted. */
  total: number | null;
  cancelled: boolean;
  startedAt: number;
}

const runs = new Map<string, ExportRun>();
/** A run (or a cancel that came first) is forgotten after an hour: ids are random and never reused. */
const KEEP_MS = 3600_000;

const cancelledError = () => new DeskError('CONFLICT', 'export.cancelled');

/** Begins a run; a run its account cancelled before it began (the cancel overtook it on the wire) does not start. */
export function beginRun(runId: string, actorId: number, now: number): ExportRun {
  for (const [id, r] of runs) if (now - r.startedAt > KEEP_MS) runs.delete(id);
  const earlier = runs.get(runId);
  if (earlier?.cancelled && earlier.actorId === actorId) throw cancelledError();
  if (earlier) throw new DeskError('CONFLICT', 'export.runTaken');
  const run: ExportRun = { actorId, written: 0, total: null, cancelled: false, startedAt: now };
  runs.set(runId, run);
  return run;
}

/** Stops at the next chunk; throws the refusal the export answers with. */
export function checkRun(run: ExportRun | undefined): void {
  if (run?.cancelled) throw cancelledError();
}

export function endRun(runId: string): void {
  runs.delete(runId);
}

/** Only the account that started a run sees or stops it; another account's run id reads as unknown. */
export function runProgress(runId: string, actorId: number): { written: number; total: number | null } | null {
  const run = runs.get(runId);
  return run && run.actorId === actorId && !run.cancelled ? { written: run.written, total: run.total } : null;
}

export function cancelRun(runId: string, actorId: number, now: number): boolean {
  const run = runs.get(runId);
  if (run && run.actorId !== actorId) return false;
  if (run) run.cancelled = true;
  else runs.set(runId, { actorId, written: 0, total: null, cancelled: true, startedAt: now });
  return true;
}
