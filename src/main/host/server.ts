import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { LANGUAGES, pickLang, translate, type Lang } from '../../shared/i18n';
import type { AppError, Result } from '../../shared/result';
import type { Desk } from '../desk';
import type { CallContext } from '../dispatch';
import { STATIC_HEADERS } from './headers';
import { resolveStatic } from './static';
import { contentDisposition } from './files';
import { cookieSlot } from './cookie-session';
import { resolveSession } from '../sessions';
import { isAbort, readBody } from './body';
import { BodyGate, LARGE_BODY_BYTES, type BodyGateStats } from './body-gate';

export interface HostOptions {
  desk: Desk;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Per-launch secret; random unless a caller (tests) supplies one. */
  token?: string;
  /** Attachments travel as base64 inside JSON, so the limit sits above the 20 MiB file limit. */
  maxBodyBytes?: number;
  /** Large bodies held in memory at once (see body-gate.ts), and how many more may wait for a slot. */
  largeBodySlots?: number;
  largeBodyQueue?: number;
}

export interface Host {
  port: number;
  origin: string;
  token: string;
  /** The one URL to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  /** How many large bodies are in memory now and at most so far. */
  bodyStats(): BodyGateStats;
  close(): Promise<void>;
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...NO_STORE, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Host-specific keys may not be in the catalogue yet; fall back to the generic message for the code. */
function message(lang: Lang, key: string, code: AppError['code']): string {
  const text = translate(lang, key);
  return text === key ? translate(lang, `err.${code}`) : text;
}

function refuse(res: ServerResponse, status: number, code: AppError['code'], lang: Lang, key: string): void {
  const result: Result<never> = { ok: false, error: { code, message: message(lang, key, code) } };
  sendJson(res, status, result);
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Header first; GET links (SSE, downloads) cannot set headers, so they carry `?lang=` (never a secret). */
function langOf(req: IncomingMessage): Lang {
  const query = req.method === 'GET' ? /[?&]lang=([A-Za-z-]+)/.exec(req.url ?? '')?.[1] : undefined;
  const explicit = header(req, 'x-desk-lang') ?? query;
  if (explicit && (LANGUAGES as readonly string[]).includes(explicit)) return explicit as Lang;
  return pickLang(header(req, 'accept-language'));
}

/**
 * Browser mode: the built renderer plus `POST /rpc/<channel>` through the same dispatch Electron uses,
 * `GET /events` (Server-Sent Events) and `GET /files/<kind>/<id>`. Listens on 127.0.0.1 only and trusts
 * nothing it did not hand out itself: the token, its own origin and its own Host header.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const { desk, rendererDir } = opts;
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const limit = opts.maxBodyBytes ?? 30 * 1024 * 1024;
  const gate = new BodyGate(opts.largeBodySlots ?? 2, opts.largeBodyQueue ?? 16);
  // Each live-update stream with the session secret that opened it; a stream whose session ended is closed.
  const streams = new Map<ServerResponse, string>();
  let port = 0;
  let origin = '';

  const onEvent = (event: string, payload: unknown) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams.keys()) res.write(frame);
  };
  desk.services.events.on('desk-event', onEvent);
  const keepAlive = setInterval(() => void sweepStreams(), 20_000);
  keepAlive.unref();

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

  const call = (req: IncomingMessage, res: ServerResponse, lang: Lang): CallContext => ({
    connectionId: 'browser',
    lang,
    clientAddress: req.socket.remoteAddress ?? 'unknown',
    session: cookieSlot(req, res),
  });
  const signedIn = (req: IncomingMessage, res: ServerResponse) =>
    resolveSession(desk.services, cookieSlot(req, res), desk.services.clock());

  /** Reads, parses and dispatches one call; a large body holds its slot of the gate for all of it. */
  const rpc = async (req: IncomingMessage, res: ServerResponse, lang: Lang, channel: string): Promise<void> => {
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
    return sendJson(res, 200, result);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const lang = langOf(req);
    // DNS rebinding: a hostile page that re-points its own name at 127.0.0.1 still sends its own Host.
    if (header(req, 'host') !== `127.0.0.1:${port}`) return refuse(res, 403, 'FORBIDDEN', lang, 'err.FORBIDDEN');
    const requestOrigin = header(req, 'origin');
    if (requestOrigin !== undefined && requestOrigin !== origin) return refuse(res, 403, 'FORBIDDEN', lang, 'err.FORBIDDEN');
    if (header(req, 'sec-fetch-site') === 'cross-site') return refuse(res, 403, 'FORBIDDEN', lang, 'err.FORBIDDEN');

    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const isApi = path.startsWith('/rpc/') || path === '/events' || path.startsWith('/files/');
    // The per-launch token gates every call. A GET link cannot carry a header, and a URL must not carry a secret, so
    // downloads and the live stream pass with the session cookie instead: only a token-gated sign-in issues one.
    if (isApi && !sameSecret(header(req, 'x-desk-token'), token)) {
      const viaCookie = req.method === 'GET' && path !== '/rpc' && !path.startsWith('/rpc/') && (await signedIn(req, res)) !== null;
      if (!viaCookie) return refuse(res, 401, 'UNAUTHENTICATED', lang, 'host.badToken');
    }

    if (path.startsWith('/rpc/')) {
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
        return await rpc(req, res, lang, path.slice('/rpc/'.length));
      } finally {
        release();
      }
    }

    if (path === '/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'INVALID', lang, 'err.INVALID');
      const session = cookieSlot(req, res);
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
      return;
    }

    if (path.startsWith('/files/')) {
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
      return;
    }

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

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (isAbort(err) || req.destroyed) {
        res.destroy();
        return;
      }
      console.error('[host] request failed:', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'zh-CN', 'err.INTERNAL');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    token,
    url: `${origin}/#token=${token}`,
    bodyStats: () => gate.stats(),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        desk.services.events.off('desk-event', onEvent);
        for (const res of streams.keys()) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
