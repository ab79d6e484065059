import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Desk } from '../desk';
import { createEndpoints, guarded, header, langOf, refuse } from './endpoints';
import type { BodyGateStats } from './body-gate';

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

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: the built renderer plus `POST /rpc/<channel>` through the same dispatch Electron uses,
 * `GET /events` (Server-Sent Events) and `GET /files/<kind>/<id>`. Listens on 127.0.0.1 only and trusts
 * nothing it did not hand out itself: the token, its own origin and its own Host header.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const { desk } = opts;
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const endpoints = createEndpoints({
    desk,
    rendererDir: opts.rendererDir,
    connectionId: 'browser',
    ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    ...(opts.largeBodySlots !== undefined ? { largeBodySlots: opts.largeBodySlots } : {}),
    ...(opts.largeBodyQueue !== undefined ? { largeBodyQueue: opts.largeBodyQueue } : {}),
  });
  let port = 0;
  let origin = '';
  desk.services.events.on('desk-event', endpoints.broadcast);

  const handle = async (req: Parameters<typeof langOf>[0], res: Parameters<typeof refuse>[0]): Promise<void> => {
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
      const viaCookie =
        req.method === 'GET' && path !== '/rpc' && !path.startsWith('/rpc/') && (await endpoints.signedIn(req, res)) !== null;
      if (!viaCookie) return refuse(res, 401, 'UNAUTHENTICATED', lang, 'host.badToken');
    }
    return endpoints.serve(req, res, lang, url);
  };

  const server = createServer(guarded(handle, 'host'));
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
    bodyStats: endpoints.bodyStats,
    close: () =>
      new Promise<void>((resolve) => {
        desk.services.events.off('desk-event', endpoints.broadcast);
        endpoints.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
