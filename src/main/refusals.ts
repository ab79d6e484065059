/**
 * Refusals of callers who are not signed in, counted in aggregate: one audited entry per client address per minute,
 * carrying how many calls were refused and on which channels. Anyone holding browser mode's token could otherwise
 * write (and fsync) one audit entry per request and flood the log; this way the cost of a refusal is a counter.
 * A crash loses at most the minute being counted.
 */
export interface RefusalCount {
  client: string;
  minute: string;
  count: number;
  channels: Record<string, number>;
}

export class RefusalTally {
  private readonly counts = new Map<string, RefusalCount>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly record: (counts: RefusalCount[]) => Promise<void>) {}

  note(client: string, channel: string, now: Date): void {
    const minute = now.toISOString().slice(0, 16);
    const key = `${client}\u0000${minute}`;
    let entry = this.counts.get(key);
    if (!entry) this.counts.set(key, (entry = { client, minute, count: 0, channels: {} }));
    entry.count++;
    // A bounded record: at most 20 channel names per entry, the rest counted under '…'.
    const name = channel in entry.channels || Object.keys(entry.channels).length < 20 ? channel : '…';
    entry.channels[name] = (entry.channels[name] ?? 0) + 1;
    this.timer ??= setTimeout(() => void this.flush().catch((err: unknown) => console.error('[refusals] flush failed:', err)), 60_000);
    this.timer.unref?.();
  }

  /** Writes what was counted so far (tests call it; the timer does it once a minute). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const counts = [...this.counts.values()];
    this.counts.clear();
    if (counts.length) await this.record(counts);
  }
}
