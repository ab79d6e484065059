import type { IncomingMessage, ServerResponse } from 'node:http';
import { LANGUAGES, pickLang, translate, type Lang } from '../../shared/i18n';
import type { AppError, Result } from '../../shared/result';
import type { Desk } from '../desk';
import type { CallContext } from '../dispatch';
import { STATIC_HEADERS } from './headers';
import { resolveStatic } from './static';
import { contentDisposition } from './files';
import { requestSlot } from './bearer-session';
import { resolveSession } from '../sessions';
import { isAbort, readBody } from './body';
import { BodyGate, LARGE_BODY_BYTES, type BodyGateStats } from './body-gate';
import { isDatabaseUnavailable } from '../db/unavailable';

export { isAbort };

/**
 * What every HTTP transport of the desk serves once its own gate has let a request through: `POST /rpc/<channel>`
 * through the one dispatch, `GET /events` (Server-Sent Events), `GET /files/<kind>/<id>` and the built renderer.
 * Browser mode (host/server.ts) and the district server (server/http.ts) differ only in their gates.
 */

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Host-specific keys may not be in the catalogue yet; fall back to the generic message for the code. */
function message(lang: Lang, key: string, code: AppError['code']): string {
  const text = translate(lang, key);
  return text === key ? translate(lang, `err.${code}`) : text;
}

export function refuse(res: ServerResponse, status: number, code: AppError['code'], lang: Lang, key: string): void {
  const result: Result<never> = { ok: false, error: { code, message: message(lang, key, code) } };
  sendJson(res, status, result);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Header first; GET links (SSE, downloads) cannot set headers, so they carry `?lang=` (never a secret). */
export function langOf(req: IncomingMessage): Lang {
  const query = req.method === 'GET' ? /[?&]lang=([A-Za-z-]+)/.exec(req.url ?? '')?.[1] : undefined;
  const explicit = header(req, 'x-desk-lang') ?? query;
  if (explicit && (LANGUAGES as readonly string[]).includes(explicit)) return explicit as Lang;
  return pickLang(header(req, 'accept-language'));
}

export interface EndpointOptions {
  desk: Desk;
  rendererDir: string;
  /** Attachments travel as base64 inside JSON, so the limit sits above the 20 MiB file limit. */
  maxBodyBytes?: number;
  /** The session cookie's Secure attribute (the district server over HTTPS). */
  secureCookie?: boolean;
  /** Accept `Authorization: Bearer` sessions (the district server's desktop clients, host/bearer-session.ts). */
  bearer?: boolean;
  /** How calls name their transport to dispatch. */
  connectionId: string;
  /** Large bodies held in memory at once (see body-gate.ts), and how many more may wait for a slot. */
  largeBodySlots?: number;
  largeBodyQueue?: number;
}

export interface Endpoints {
  /** Serves a request the transport's gate has accepted. */
  serve(req: IncomingMessage, res: ServerResponse, lang: Lang, url: URL): Promise<void>;
  /** The caller's live session, if any. */
  signedIn(req: IncomingMessage, res: ServerResponse): ReturnType<typeof resolveSession>;
  /** Sends a desk event to every open live stream. */
  broadcast(event: string, payload: unknown): void;
  /** How many large bodies are in memory now and at most so far. */
  bodyStats(): BodyGateStats;
  close(): void;
}

export function createEndpoints(opts: EndpointOptions): Endpoints {
  const { desk, rendererDir } = opts;
  const limit = opts.maxBodyBytes ?? 30 * 1024 * 1024;
  const slotOpts = { secure: opts.secureCookie ?? false, bearer: opts.bearer ?? false };
  const slotOf = (req: IncomingMessage, res: ServerResponse) => requestSlot(req, res, slotOpts);
  const gate = new BodyGate(opts.largeBodySlots ?? 2, opts.largeBodyQueue ?? 16);
  // Each live-update stream with the session secret that opened it; a stream whose session ended is closed.
  const streams = new Map<ServerResponse, string>();

  const broadcast = (event: string, payload: unknown) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams.keys()) res.write(frame);
  };
  const sweepStreams = async () => {
    for (const [res, secret] of streams) {
      const live = await resolveSession(desk.services, { secret, set: () => undefined }, desk.services.clock());
      if (live) res.write(': keep-alive\n\n');
      else {
        streams.delete(res);
        res.end();
      }
    }
  };
  const keepAlive = setInterval(() => void sweepStreams().catch(() => undefined), 20_000);
  keepAlive.unref();

  const call = (req: IncomingMessage, res: ServerResponse, lang: Lang): CallContext => ({
    connectionId: opts.connectionId,
    lang,
    clientAddress: req.socket.remoteAddress ?? 'unknown',
    session: slotOf(req, res),
  });
  const signedIn = (req: IncomingMessage, res: ServerResponse) => resolveSession(desk.services, slotOf(req, res), desk.services.clock());

  /** Reads, parses and dispatches one call; a large body holds its slot of the gate for all of it. */
  const dispatchCall = async (req: IncomingMessage, res: ServerResponse, lang: Lang, channel: string): Promise<void> => {
    const ctx = call(req, res, lang);
    const body = await readBody(req, limit);
    if (body === 'too-big') {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, 'INVALID', lang, 'err.INVALID');
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      return refuse(res, 400, 'INVALID', lang, 'err.INVALID');
    }
    const result = await desk.dispatch(channel, input, ctx);
    // The client may have gone while the call ran; the write is done, and there is no one left to answer.
    if (res.destroyed) return;
    // 503 for a database out of reach, so a client (and any proxy) knows to try again later.
    return sendJson(res, !result.ok && result.error.code === 'UNAVAILABLE' ? 503 : 200, result);
  };

  const rpc = async (req: IncomingMessage, res: ServerResponse, lang: Lang, path: string) => {
    if (req.method !== 'POST') return refuse(res, 405, 'INVALID', lang, 'err.INVALID');
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) return refuse(res, 415, 'INVALID', lang, 'err.INVALID');
    const declared = header(req, 'content-length');
    const large = declared === undefined || Number(declared) > LARGE_BODY_BYTES;
    const release = large ? await gate.acquire() : () => undefined;
    if (!release) {
      // Drained, not read into memory: a browser whose body is cut off sees a reset instead of the answer.
      req.resume();
      res.setHeader('Retry-After', '5');
      return refuse(res, 503, 'RATE_LIMITED', lang, 'host.busy');
    }
    try {
      return await dispatchCall(req, res, lang, path.slice('/rpc/'.length));
    } finally {
      release();
    }
  };

  const events = async (req: IncomingMessage, res: ServerResponse, lang: Lang) => {
    if (req.method !== 'GET') return refuse(res, 405, 'INVALID', lang, 'err.INVALID');
    const session = slotOf(req, res);
    if (!session.secret || !(await signedIn(req, res))) return refuse(res, 401, 'UNAUTHENTICATED', lang, 'err.UNAUTHENTICATED');
    res.writeHead(200, {
      ...NO_STORE,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    streams.set(res, session.secret);
    res.on('close', () => streams.delete(res));
  };

  const files = async (req: IncomingMessage, res: ServerResponse, lang: Lang, path: string) => {
    if (req.method !== 'GET') return refuse(res, 405, 'INVALID', lang, 'err.INVALID');
    const ctx = call(req, res, lang);
    const [kind, id] = path.slice('/files/'.length).split('/');
    if (!kind || !id) return refuse(res, 400, 'INVALID', lang, 'err.INVALID');
    const result = await desk.files(kind, id, ctx);
    if (!result.ok) return sendJson(res, result.error.code === 'NOT_FOUND' ? 404 : 403, result);
    const file = result.value;
    res.writeHead(200, {
      ...NO_STORE,
      'Content-Type': file.mime,
      'Content-Length': file.bytes.byteLength,
      'Content-Disposition': contentDisposition(file),
      // A download is a document of its own: it runs nothing and is framed only by the desk itself.
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
    });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  };

  const renderer = (req: IncomingMessage, res: ServerResponse, lang: Lang, path: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID', lang, 'err.INVALID');
    const file = resolveStatic(rendererDir, path);
    if (!file) {
      res.writeHead(404, { ...STATIC_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...STATIC_HEADERS, 'Content-Type': file.mime, 'Content-Length': file.bytes.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.bytes);
  };

  return {
    signedIn,
    broadcast,
    bodyStats: () => gate.stats(),
    async serve(req, res, lang, url) {
      const path = url.pathname;
      if (path.startsWith('/rpc/')) return rpc(req, res, lang, path);
      if (path === '/events') return events(req, res, lang);
      if (path.startsWith('/files/')) return files(req, res, lang, path);
      return renderer(req, res, lang, path);
    },
    close() {
      clearInterval(keepAlive);
      for (const res of streams.keys()) res.end();
      streams.clear();
    },
  };
}

/** Runs a request handler, turning a failure into a 500 (or dropping a connection its client already left). */
export function guarded(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, tag: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      // The database out of reach before the call got going (finding the session; its reset is not the client's).
      if (!res.destroyed && !res.headersSent && isDatabaseUnavailable(err))
        return refuse(res, 503, 'UNAVAILABLE', langOf(req), 'err.UNAVAILABLE');
      if (isAbort(err) || req.destroyed) {
        res.destroy();
        return;
      }
      console.error(`[${tag}] request failed:`, err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'zh-CN', 'err.INTERNAL');
      else res.destroy();
    });
  };
}
