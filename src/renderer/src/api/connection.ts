/**
 * The renderer's one view of whether the desk server can be reached (issue 16 item 4: "a desk that loses the server
 * shows it at once, keeps unsaved form text, reconnects by itself and reloads what changed").
 *
 *   online ──a call fails / the live stream breaks──▶ probe at once ──fails──▶ lost ──next probe──▶ reconnecting
 *   reconnecting ──fails──▶ lost (the next probe later, backing off)     reconnecting ──answered──▶ back ──▶ online
 *
 * A failed call (a network error or a 502/503/504) or a broken live stream is confirmed by one cheap read sent at once:
 * a server that answers it is still there (one request lost on the wire does not flash a banner), one that does not
 * is lost, which the screen shows within that one round trip. While lost the read is sent again after 1, 2, 4…
 * seconds, at most `maxDelayMs` apart; when it (or any call) is answered, `onBack` runs first (the caller reloads
 * everything) and then the state turns to `back`, shown briefly. Nothing is queued here: a write made while lost
 * fails and the form that sent it keeps its text.
 */
export type ConnectionPhase = 'online' | 'lost' | 'reconnecting' | 'back';
/** Why the desk is out of reach: the server itself, or the server's own database (it answered UNAVAILABLE). */
export type LostReason = 'network' | 'database';
/** What one exchange with the desk showed: it answered, or it is out of reach and why. */
export type Reach = 'ok' | LostReason;

export interface ConnectionState {
  phase: ConnectionPhase;
  reason: LostReason | null;
  /** Probes sent since the connection was lost. */
  attempts: number;
}

export interface ConnectionDeps {
  /** Sends one cheap read and says whether the desk answered it. */
  probe(): Promise<Reach>;
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

  const lost = (reason: LostReason) => {
    set({ phase: 'lost', reason, attempts: state.attempts });
    clear();
    timer = deps.setTimer(
      () => {
        timer = null;
        void probe();
      },
      Math.min(max, first * 2 ** Math.max(0, state.attempts - 1)),
    );
  };

  async function probe(): Promise<void> {
    if (probing) return;
    probing = true;
    if (state.phase === 'lost') set({ ...state, phase: 'reconnecting', attempts: state.attempts + 1 });
    const reach = await deps.probe().catch((): Reach => 'network');
    probing = false;
    if (reach === 'ok') await succeeded();
    else if (!returning) lost(reach);
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

  /** A call could not reach the desk, or the live stream broke: online, ask at once; lost, note the latest reason. */
  function failed(reason: LostReason): void {
    if (state.phase === 'lost') {
      if (state.reason !== reason) set({ ...state, reason });
    } else if (state.phase === 'online' || state.phase === 'back') void probe();
  }

  return {
    state: (): ConnectionState => state,
    failed,
    /** Any call answered: a lost desk is back. */
    succeeded,
    subscribe(cb: (s: ConnectionState) => void): () => void {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
