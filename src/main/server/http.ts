import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Desk } from '../desk';
import { createEndpoints, guarded, header, langOf, refuse } from '../host/endpoints';
import { isBearer } from '../host/bearer-session';

export interface DistrictServerOptions {
  desk: Desk;
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** PEM certificate and key; null only under --insecure-loopback (checked by the options). */
  tls: { cert: Buffer; key: Buffer } | null;
}

export interface DistrictServer {
  url: string;
  port: number;
  /** Sends a desk event to this instance's live streams (events committed on other instances arrive here). */
  broadcast(event: string, payload: unknown): void;
  close(): Promise<void>;
}

/**
 * The district server's transport: the same endpoints as browser mode, reached from other machines. There is no
 * per-launch token: a sign-in issues the session secret in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS),
 * and a state-changing request must carry the server's own Origin, so no other site's page can act with a
 * reviewer's cookie (login CSRF included). The own origin is the scheme this server speaks plus the Host the
 * client addressed: a rebound hostile name gets a different origin for which the browser holds no cookie.
 * The desktop app's main process signs in with a bearer secret instead (host/bearer-session.ts).
 */
export async function startDistrictServer(opts: DistrictServerOptions): Promise<DistrictServer> {
  const { desk, tls } = opts;
  const scheme = tls ? 'https' : 'http';
  const endpoints = createEndpoints({
    desk,
    rendererDir: opts.rendererDir,
    connectionId: 'server',
    secureCookie: tls !== null,
    bearer: true,
  });
  desk.services.events.on('desk-event', endpoints.broadcast);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const lang = langOf(req);
    const host = header(req, 'host');
    if (!host) return refuse(res, 400, 'INVALID', lang, 'err.INVALID');
    const own = `${scheme}://${host}`;
    const origin = header(req, 'origin');
    if (origin !== undefined && origin !== own) return refuse(res, 403, 'FORBIDDEN', lang, 'server.badOrigin');
    if (header(req, 'sec-fetch-site') === 'cross-site') return refuse(res, 403, 'FORBIDDEN', lang, 'server.badOrigin');
    const reads = req.method === 'GET' || req.method === 'HEAD';
    // A bearer request (the desktop app's main process) cannot come from a web page: host/bearer-session.ts.
    if (!reads && origin !== own && !isBearer(req)) return refuse(res, 403, 'FORBIDDEN', lang, 'server.badOrigin');
    if (tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    return endpoints.serve(req, res, lang, new URL(req.url ?? '/', own));
  };

  const listener = guarded(handle, 'server');
  const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `${scheme}://${shownHost}:${port}/`,
    port,
    broadcast: endpoints.broadcast,
    close: () =>
      new Promise<void>((resolve) => {
        desk.services.events.off('desk-event', endpoints.broadcast);
        endpoints.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
