/**
 * The connected desktop app's renderer (issue 16 item 4, "server unreachable"): the main process relays every call to
 * the district server and answers UNREACHABLE when it cannot reach it, and reports its live stream as
 * `connection.live`. The renderer's transport (api/client.ts, loaded here with a stand-in for the preload bridge, the
 * only part that is Electron's) must read both exactly as browser mode reads a network failure: lost at once, probed,
 * everything reloaded when the server answers again. A session the server no longer knows is the sign-in-again path.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/result';

/** What this test uses of api/client.ts, which is DOM code typed by tsconfig.web.json: it is loaded by path below. */
interface Client {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  connection: { state(): { phase: string; reason: string | null; attempts: number } };
  onReconnected(cb: () => void): () => void;
  onUnauthenticated(cb: () => void): () => void;
}
const CLIENT = '../../src/renderer/src/api/client';

let up = true;
let expired = false;
const invoked: string[] = [];
const relayed = new Map<string, Set<(payload: unknown) => void>>();
/** What the relay answers (src/main/remote/relay.ts): the server's own answer, or UNREACHABLE when it is gone. */
const bridge = {
  invoke: async (channel: string): Promise<Result<unknown>> => {
    invoked.push(channel);
    if (!up) return { ok: false, error: { code: 'UNREACHABLE', message: '无法连接区联审服务器 127.0.0.1:8443（ECONNREFUSED）。' } };
    if (expired && channel !== 'auth.status') return { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效' } };
    return { ok: true, value: channel === 'auth.status' ? { actor: null } : [] };
  },
  subscribe: (event: string, cb: (payload: unknown) => void) => {
    const set = relayed.get(event) ?? new Set();
    relayed.set(event, set.add(cb));
    return () => set.delete(cb);
  },
};
const emit = (event: string, payload: unknown) => relayed.get(event)?.forEach((cb) => cb(payload));

let client: Client;
beforeAll(async () => {
  vi.useFakeTimers();
  vi.stubGlobal('window', { desk: bridge });
  client = (await import(/* @vite-ignore */ CLIENT)) as Client;
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the connected desktop app reads an unreachable server as browser mode reads a network failure', () => {
  it('a call answered UNREACHABLE: lost at once with the localized message kept; probes back off; reload on return', async () => {
    const { call, connection, onReconnected } = client;
    let reloads = 0;
    onReconnected(() => reloads++);
    up = false;
    const r = await call('review.inbox', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNREACHABLE', message: expect.stringContaining('无法连接区联审服务器') } });
    await vi.advanceTimersByTimeAsync(0);
    // Confirmed by one probe sent at once, not after a delay.
    expect(invoked.filter((c) => c === 'auth.status')).toHaveLength(1);
    expect(connection.state()).toMatchObject({ phase: 'lost', reason: 'network' });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.state()).toMatchObject({ phase: 'lost', attempts: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.state()).toMatchObject({ phase: 'lost', attempts: 2 });
    up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    // Not yet: the third probe waits twice as long.
    expect(connection.state()).toMatchObject({ phase: 'lost', attempts: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.state().phase).toBe('back');
    expect(reloads).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(connection.state().phase).toBe('online');
  });

  it('the relayed live stream breaking: probed at once, lost while the server does not answer; its return ends it', async () => {
    const { connection } = client;
    up = false;
    invoked.length = 0;
    emit('connection.live', { open: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(invoked).toEqual(['auth.status']);
    expect(connection.state()).toMatchObject({ phase: 'lost', reason: 'network' });
    up = true;
    emit('connection.live', { open: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.state().phase).toBe('back');
    await vi.advanceTimersByTimeAsync(5_000);
    // A stream that breaks while the server still answers (one dropped connection) shows nothing.
    emit('connection.live', { open: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.state().phase).toBe('online');
  });

  it('a session the server no longer knows asks to sign in again and shows no lost server', async () => {
    const { call, connection, onUnauthenticated } = client;
    let asked = 0;
    onUnauthenticated(() => asked++);
    expired = true;
    const r = await call('review.inbox', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(asked).toBe(1);
    expect(connection.state().phase).toBe('online');
  });
});
