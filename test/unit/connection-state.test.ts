/**
 * The renderer's connection state (issue 16 item 4): a failed call is confirmed by a probe at once (lost only when the
 * server does not answer it), probes back off while lost, `onBack` (reload everything) runs before `back`, and `back`
 * turns to `online` by itself.
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
    probe: async () => {
      probesAt.push(now);
      return serverUp() ? 'ok' : 'network';
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
  it('is lost when a failed call is confirmed at once, probes with backoff, reloads, shows back and then online', async () => {
    let up = false;
    const h = harness(() => up);
    expect(h.conn.state().phase).toBe('online');
    h.conn.failed('network');
    await h.advance(0);
    expect(h.probesAt).toEqual([0]);
    expect(h.conn.state()).toEqual({ phase: 'lost', reason: 'network', attempts: 0 });

    await h.advance(20_000);
    // The confirming probe, then 1 s, and 1, 2, 4 and 5 (the ceiling) seconds apart.
    expect(h.probesAt.slice(0, 6)).toEqual([0, 1000, 2000, 4000, 8000, 13000]);
    expect(h.conn.state().phase).toBe('lost');
    expect(h.reloads()).toBe(0);

    up = true;
    await h.advance(5000);
    expect(h.reloads()).toBe(1);
    expect(h.conn.state().phase).toBe('back');
    await h.advance(2500);
    expect(h.conn.state().phase).toBe('online');
    expect(h.pending()).toBe(0);
    expect(h.log.slice(-3)).toEqual(['reconnecting', 'back', 'online']);
  });

  it('one request lost on the wire, with the server still there, changes nothing', async () => {
    const h = harness(() => true);
    h.conn.failed('network');
    await h.advance(0);
    expect(h.probesAt).toEqual([0]);
    expect(h.log).toEqual([]);
    expect(h.reloads()).toBe(0);
  });

  it('comes back on any answered call without waiting for the next probe, reloading once', async () => {
    const h = harness(() => false);
    h.conn.failed('database');
    await h.advance(0);
    expect(h.conn.state()).toMatchObject({ phase: 'lost', reason: 'network' });
    h.conn.failed('database');
    expect(h.conn.state().reason).toBe('database');
    await Promise.all([h.conn.succeeded(), h.conn.succeeded()]);
    expect(h.reloads()).toBe(1);
    expect(h.conn.state().phase).toBe('back');
    expect(h.probesAt).toEqual([0]);
  });

  it('a failure while showing back is checked again and lost again', async () => {
    let up = false;
    const h = harness(() => up);
    h.conn.failed('network');
    await h.advance(0);
    await h.conn.succeeded();
    expect(h.conn.state().phase).toBe('back');
    h.conn.failed('network');
    await h.advance(0);
    expect(h.conn.state()).toMatchObject({ phase: 'lost', attempts: 0 });
    await h.advance(2500);
    expect(h.conn.state().phase).not.toBe('online');
    up = true;
    await h.advance(5000);
    expect(h.reloads()).toBe(2);
  });
});
