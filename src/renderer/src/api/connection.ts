/**
 * The renderer's one view of whether the desk server can be reached (issue 16 item 4: "a desk that loses the server
 * shows it at once, keeps unsaved form text, reconnects by itself and reloads what changed").
 *
 *   online ──failure──▶ lost ──probe sent──▶ reconnecting ──probe failed──▶ lost (next probe later, backing off)
 *                                                   └──any call answered──▶ back ──after a moment──▶ online
 *
 * Fed by every call's transport outcome (a network error or a 502/503/504 is a failure, any other answer a success)
 * and by the live stream's errors (a suspicion: a probe is sent at once and its outcome decides). While lost, a cheap
 * read is sent again after 1, 2, 4… seconds, at most `maxDelayMs` apart; when one is answered, `onBack` runs first
 * (the caller reloads everything) and then the state turns to `back`, shown briefly. Nothing is queued here: a write
 * made while lost fails and the form that sent it keeps its text.
 */
export type ConnectionPhase = 'online' | 'lost' | 'reconnecting' | 'back';
/** Why the desk is out of reach: the server itself, or the server's own database (it answered UNAVAILABLE). */
export type LostReason = 'network' | 'database';

export interface ConnectionState {
  phase: ConnectionPhase;
  reason: LostReason | null;
  /** Probes sent since the connection was lost. */
  attempts: number;
}

export interface ConnectionDeps {
  /** Sends one cheap read; its outcome reaches the machine through `failed` / `succeeded` like any call's. */
  probe(): Promise<unknown>;
  /** Runs when the server answers again, before the state turns to `back`: reload what may have changed. */
  onBack(): Promise<void> | void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** How long `back` is shown before the state is plain `online`. */
  backMs?: number;
}

export type Connection = ReturnType<typeof createConnection>;

export function createConnection(deps: ConnectionDeps) {
  const first = deps.firstDelayMs ?? 1000;
  const max = deps.maxDelayMs ?? 5000;
  const backMs = deps.backMs ?? 2500;
  let state: ConnectionState = { phase: 'online', reason: null, attempts: 0 };
  let timer: unknown = null;
  let probing = false;
  let returning = false;
  const listeners = new Set<(s: ConnectionState) => void>();

  const set = (next: ConnectionState) => {
    state = next;
    for (const cb of listeners) cb(state);
  };
  const clear = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };
  const delay = () => Math.min(max, first * 2 ** Math.max(0, state.attempts - 1));

  const probe = () => {
    if (probing) return;
    probing = true;
    if (state.phase === 'lost') set({ ...state, phase: 'reconnecting', attempts: state.attempts + 1 });
    void deps
      .probe()
      .catch(() => undefined)
      .finally(() => {
        probing = false;
        // Neither answered nor refused (the probe's outcome never reached us): treat as still lost.
        if (state.phase === 'reconnecting' && !returning) failed(state.reason ?? 'network');
      });
  };
  const schedule = (ms: number) => {
    clear();
    timer = deps.setTimer(() => {
      timer = null;
      probe();
    }, ms);
  };

  function failed(reason: LostReason): void {
    if (state.phase === 'lost') {
      if (state.reason !== reason) set({ ...state, reason });
      return;
    }
    const attempts = state.phase === 'reconnecting' ? state.attempts : 0;
    set({ phase: 'lost', reason, attempts });
    schedule(attempts === 0 ? first : delay());
  }

  async function succeeded(): Promise<void> {
    if (returning || (state.phase !== 'lost' && state.phase !== 'reconnecting')) return;
    clear();
    // Until onBack is done the banner still says "reconnecting": "back" promises the screen is current.
    set({ ...state, phase: 'reconnecting' });
    returning = true;
    try {
      await deps.onBack();
    } finally {
      returning = false;
    }
    if (state.phase !== 'reconnecting') return;
    set({ phase: 'back', reason: null, attempts: 0 });
    timer = deps.setTimer(() => {
      timer = null;
      if (state.phase === 'back') set({ phase: 'online', reason: null, attempts: 0 });
    }, backMs);
  }

  return {
    state: (): ConnectionState => state,
    failed,
    succeeded,
    /** The live stream broke: ask at once whether the server is still there. */
    suspect(): void {
      if (state.phase === 'online' || state.phase === 'back') probe();
    },
    subscribe(cb: (s: ConnectionState) => void): () => void {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
