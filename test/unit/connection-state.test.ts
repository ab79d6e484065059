/**
 * The renderer's connection state (issue 16 item 4): lost at the first failed call, probes backing off while lost,
 * `onBack` (reload everything) before `back`, and `back` turning to `online` by itself.
 */
import { describe, expect, it } from 'vitest';
import { createConnection, type ConnectionPhase } from '../../src/renderer/src/api/connection';

/** A hand-driven clock: timers fire only when the test advances it. */
function harness(serverUp: () => boolean) {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const probesAt: number[] = [];
  const log: ConnectionPhase[] = [];
  let reloads = 0;
  const conn = createConnection({
    setTimer: (fn, ms) => (timers.set(++seq, { at: now + ms, fn }), seq),
    clearTimer: (h) => timers.delete(h as number),
    // The probe reports its outcome as a real call would: through failed / succeeded.
    probe: async () => {
      probesAt.push(now);
      if (serverUp()) await conn.succeeded();
      else conn.failed('network');
    },
    onBack: () => {
      reloads++;
    },
    firstDelayMs: 1000,
    maxDelayMs: 5000,
    backMs: 4000,
  });
  conn.subscribe((s) => log.push(s.phase));
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    now = end;
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { conn, advance, probesAt, log, reloads: () => reloads, pending: () => timers.size };
}

describe('connection state', () => {
  it('is lost at the first failure, probes with backoff, reloads, shows back and then online', async () => {
    let up = true;
    const h = harness(() => up);
    expect(h.conn.state().phase).toBe('online');
    up = false;
    h.conn.failed('network');
    expect(h.conn.state()).toEqual({ phase: 'lost', reason: 'network', attempts: 0 });

    await h.advance(20_000);
    // 1 s, then 1, 2, 4 and 5 (the ceiling) seconds apart.
    expect(h.probesAt.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 13000]);
    expect(h.conn.state().phase).toBe('lost');
    expect(h.reloads()).toBe(0);

    up = true;
    await h.advance(5000);
    expect(h.reloads()).toBe(1);
    expect(h.conn.state().phase).toBe('back');
    await h.advance(4000);
    expect(h.conn.state().phase).toBe('online');
    expect(h.pending()).toBe(0);
    expect(h.log.slice(-3)).toEqual(['reconnecting', 'back', 'online']);
  });

  it('comes back on any answered call without waiting for the next probe, reloading once', async () => {
    const h = harness(() => false);
    h.conn.failed('database');
    expect(h.conn.state().reason).toBe('database');
    await Promise.all([h.conn.succeeded(), h.conn.succeeded()]);
    expect(h.reloads()).toBe(1);
    expect(h.conn.state().phase).toBe('back');
    expect(h.probesAt).toEqual([]);
  });

  it('a live-stream error asks at once; a server still there changes nothing', async () => {
    let up = true;
    const h = harness(() => up);
    h.conn.suspect();
    await h.advance(0);
    expect(h.probesAt).toEqual([0]);
    expect(h.conn.state().phase).toBe('online');
    expect(h.log).toEqual([]);
    up = false;
    h.conn.suspect();
    await h.advance(0);
    expect(h.conn.state().phase).toBe('lost');
    expect(h.reloads()).toBe(0);
  });

  it('a failure while showing back is lost again, and the reason follows the latest failure', async () => {
    const h = harness(() => false);
    h.conn.failed('network');
    await h.conn.succeeded();
    expect(h.conn.state().phase).toBe('back');
    h.conn.failed('network');
    expect(h.conn.state()).toMatchObject({ phase: 'lost', attempts: 0 });
    h.conn.failed('database');
    expect(h.conn.state().reason).toBe('database');
    await h.advance(4000);
    expect(h.conn.state().phase).not.toBe('online');
  });
});
