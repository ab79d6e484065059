/** Bodies above this size, or of unknown size, take a slot: small calls never wait behind uploads. */
export const LARGE_BODY_BYTES = 1024 * 1024;

export interface BodyGateStats {
  /** Large bodies being read, parsed or dispatched right now. */
  inFlight: number;
  /** The most there ever were at once (what tests observe). */
  peak: number;
  /** Large requests waiting for a slot; their bodies stay in the socket, unread (TCP holds the sender back). */
  waiting: number;
}

/**
 * Bounds memory under parallel uploads: a 29 MB JSON body becomes a buffer, a string and the decoded file, so ten
 * at once took the host up by ~500 MB. At most `slots` large bodies are in memory; up to `queue` more wait unread;
 * beyond that the caller is told to try again (RATE_LIMITED, `host.busy`).
 */
export class BodyGate {
  private inFlight = 0;
  private peak = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
  ) {}

  /** A function that frees the slot, or null when the queue is full. */
  async acquire(): Promise<(() => void) | null> {
    if (this.inFlight >= this.slots) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so inFlight never drops below what is really in memory.
      if (next) next();
      else this.inFlight--;
    };
  }

  stats(): BodyGateStats {
    return { inFlight: this.inFlight, peak: this.peak, waiting: this.waiting.length };
  }
}
