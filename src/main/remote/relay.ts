import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { translate, type Lang } from '../../shared/i18n';
import type { AppError, Result } from '../../shared/result';
import type { CallContext, Dispatch } from '../dispatch';
import type { FileBody, FileServer } from '../host/files';
import { LiveRelay } from './live';
import { connectPinned, pinnedRequest, readAll, RemoteFailure, type RemoteRequest } from './pinned';

/** The server's answer header carrying a bearer sign-in's new secret (host/bearer-session.ts). */
const SESSION_HEADER = 'x-desk-session';

export interface RelayOptions {
  server: URL;
  /** The fingerprint the user confirmed on first connection (connection-file.ts). */
  pin: string;
  timeoutMs?: number;
  /** Live stream tuning, for tests. */
  live?: { idleMs?: number; retryMs?: number };
}

/**
 * The connected desktop app's backend (issue 16, item 7): what the local desk is to a standalone app. `dispatch` and
 * `files` have the local desk's signatures, so the IPC wiring and the renderer do not change; `events` emits
 * 'desk-event' as the local services do. The session secrets the server issues live only in `held`, keyed by the
 * window connection the main process assigned; nothing this returns to the renderer carries one.
 */
export interface Relay {
  dispatch: Dispatch;
  files: FileServer;
  /** 'desk-event' (name, payload) as the local services emit it; 'live' (open) as the server's stream comes and goes. */
  events: EventEmitter;
  /** Connection id → session secret. Deleting a window's entry forgets its session (windows.ts does on close). */
  held: Map<string, string>;
  /** The last connection failure (a changed certificate, an unreachable server), or null since the last success. */
  problem(): RemoteFailure | null;
  /** One pinned connection now (at start, before the first screen): the failure, or null. */
  check(): Promise<RemoteFailure | null>;
  close(): void;
}

export function failureError(err: RemoteFailure, server: URL, lang: Lang): AppError {
  if (err.problem === 'PIN_MISMATCH') {
    return { code: 'FORBIDDEN', message: translate(lang, 'remote.pinChanged', { address: server.host, ...err.detail }) };
  }
  // Its own code, not INTERNAL: the renderer's connection state shows the lost server and reconnects, as in browser mode.
  return { code: 'UNREACHABLE', message: translate(lang, 'remote.unreachable', { address: server.host, reason: err.detail.reason ?? '' }) };
}

function isResult(v: unknown): v is Result<unknown> {
  if (!v || typeof v !== 'object' || !('ok' in v)) return false;
  const r = v as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true || (r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string');
}

/** RFC 6266 / 5987, as host/files.ts writes it: the UTF-8 name when given, else the plain one. */
function filenameOf(disposition: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? 'download';
}

/**
 * A map that tells the live stream whenever a secret comes or goes. `delete` is the shell forgetting a window's
 * session (its last window closed): that secret is also signed out on the server, so it does not live on there until
 * it idles out. `drop` is the server having ended it already.
 */
class HeldSecrets extends Map<string, string> {
  onChange: () => void = () => undefined;
  onForget: (secret: string) => void = () => undefined;
  override set(key: string, value: string): this {
    super.set(key, value);
    this.onChange();
    return this;
  }
  override delete(key: string): boolean {
    const secret = super.get(key);
    if (!this.drop(key)) return false;
    if (secret) this.onForget(secret);
    return true;
  }
  drop(key: string): boolean {
    const had = super.delete(key);
    if (had) this.onChange();
    return had;
  }
}

export function createRelay(opts: RelayOptions): Relay {
  const { server, pin } = opts;
  const held = new HeldSecrets();
  const events = new EventEmitter();
  let problem: RemoteFailure | null = null;

  // A changed certificate goes to the windows at once as a desk event: the renderer's connection gate shows the
  // refusal over whatever the window shows, so unsaved text stays behind it. Fingerprints are no secret.
  const noted = (err: unknown): RemoteFailure => {
    problem = err instanceof RemoteFailure ? err : new RemoteFailure('UNREACHABLE', { reason: String(err) });
    if (problem.problem === 'PIN_MISMATCH') events.emit('desk-event', 'connection.refused', { ...problem.detail });
    return problem;
  };
  const live = new LiveRelay({
    server,
    pin,
    secret: () => held.values().next().value ?? null,
    emit: (event, payload) => events.emit('desk-event', event, payload),
    failed: (err) => void noted(err),
    // Also to the windows, so a connected desk can show at once that it lost the server (and when it is back).
    state: (open) => {
      events.emit('live', open);
      events.emit('desk-event', 'connection.live', { open });
    },
    ...opts.live,
  });
  held.onChange = () => live.refresh();
  held.onForget = (secret) => {
    const logout = { method: 'POST' as const, path: '/rpc/auth.logout', body: '{}' };
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    // Best effort: an unreachable server ends the session by its idle limit instead.
    void pinnedRequest(server, pin, { ...logout, headers }, opts.timeoutMs).then(
      (res) => res.resume(),
      () => undefined,
    );
  };

  /** Sends one request with the window's secret and keeps whatever the server says of that secret. */
  const send = async (
    call: CallContext,
    req: Omit<RemoteRequest, 'headers'> & { headers?: Record<string, string> },
  ): Promise<IncomingMessage> => {
    const secret = held.get(call.connectionId);
    const res = await pinnedRequest(
      server,
      pin,
      { ...req, headers: { ...req.headers, authorization: secret ? `Bearer ${secret}` : 'Bearer', 'x-desk-lang': call.lang } },
      opts.timeoutMs,
    );
    problem = null;
    const next = res.headers[SESSION_HEADER];
    if (typeof next === 'string') {
      if (next) held.set(call.connectionId, next);
      else held.drop(call.connectionId);
    }
    return res;
  };

  /**
   * What an answer that is not the desk's own Result means: a gateway in front of the server saying it cannot reach
   * it (502/503/504, as the browser's transport reads them) is the server out of reach; anything else is INTERNAL.
   */
  const unanswered = (status: number | undefined, lang: Lang): AppError =>
    status !== undefined && status >= 502 && status <= 504
      ? failureError(noted(new RemoteFailure('UNREACHABLE', { reason: `HTTP ${status}` })), server, lang)
      : { code: 'INTERNAL', message: translate(lang, 'err.INTERNAL') };
  const parsed = (bytes: Buffer): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8') || 'null');
    } catch {
      return null;
    }
  };

  const dispatch: Dispatch = async (channel, input, call) => {
    try {
      const res = await send(call, {
        method: 'POST',
        path: `/rpc/${encodeURIComponent(channel)}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      const body = parsed(await readAll(res));
      return isResult(body) ? body : { ok: false, error: unanswered(res.statusCode, call.lang) };
    } catch (err) {
      return { ok: false, error: failureError(noted(err), server, call.lang) };
    }
  };

  const files: FileServer = async (kind, id, call) => {
    try {
      const res = await send(call, {
        method: 'GET',
        path: `/files/${encodeURIComponent(kind)}/${encodeURIComponent(id)}?lang=${call.lang}`,
      });
      const bytes = await readAll(res);
      if (res.statusCode !== 200) {
        const body = parsed(bytes);
        return isResult(body) && !body.ok ? body : { ok: false, error: unanswered(res.statusCode, call.lang) };
      }
      const disposition = String(res.headers['content-disposition'] ?? '');
      const file: FileBody = {
        bytes: new Uint8Array(bytes),
        mime: String(res.headers['content-type'] ?? 'application/octet-stream'),
        filename: filenameOf(disposition),
        disposition: /^inline/i.test(disposition) ? 'inline' : 'attachment',
      };
      return { ok: true, value: file };
    } catch (err) {
      return { ok: false, error: failureError(noted(err), server, call.lang) };
    }
  };

  return {
    dispatch,
    files,
    events,
    held,
    problem: () => problem,
    async check() {
      try {
        (await connectPinned(server, pin, opts.timeoutMs)).socket.destroy();
        problem = null;
        return null;
      } catch (err) {
        return noted(err);
      }
    },
    close: () => {
      live.close();
      held.clear();
    },
  };
}
