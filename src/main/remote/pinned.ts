import { createHash } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

/**
 * The desktop app's one way to the district server: HTTPS whose server is recognised by the SHA-256 fingerprint of
 * its leaf certificate, which the user compared with the administrator's on first connection (issue 16, item 7).
 * The pin replaces the CA check rather than adding to it: district servers mostly run on self-signed or internal-CA
 * certificates that no system store knows, and a pinned exact certificate is the stronger statement anyway. The pin
 * is checked on the connected socket before the HTTP request is written to it, so the session secret in the
 * request's header never reaches a server with another certificate.
 */

export type RemoteProblem = 'BAD_ADDRESS' | 'NOT_HTTPS' | 'UNREACHABLE' | 'PIN_MISMATCH';

export class RemoteFailure extends Error {
  constructor(
    readonly problem: RemoteProblem,
    readonly detail: { reason?: string; expected?: string; actual?: string } = {},
  ) {
    super(`${problem}${detail.reason ? `: ${detail.reason}` : ''}`);
  }
}

/** `AB:12:…`, 32 upper-case hex pairs: the form browsers and `openssl x509 -fingerprint -sha256` show. */
export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
export const isFingerprint = (text: string): boolean => FINGERPRINT.test(text);

/** What the user typed ("desk.example:8443", "https://desk.example") as the server's origin; HTTPS only. */
export function parseServerAddress(text: string): URL {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new RemoteFailure('BAD_ADDRESS');
  }
  if (url.protocol !== 'https:') throw new RemoteFailure('NOT_HTTPS');
  if (!url.hostname || url.username || url.password) throw new RemoteFailure('BAD_ADDRESS');
  return new URL(url.origin + '/');
}

export interface Pinned {
  socket: TLSSocket;
  fingerprint: string;
}

/** Opens a TLS connection and reads the leaf's fingerprint; with a pin, any other certificate is PIN_MISMATCH. */
export function connectPinned(server: URL, pin: string | null, timeoutMs = 10_000): Promise<Pinned> {
  const host = server.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(server.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      // The pin below decides instead (see the module comment); nothing is written before it has.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const fail = (err: RemoteFailure) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new RemoteFailure('UNREACHABLE', { reason: 'timeout' })));
    socket.once('error', (err: NodeJS.ErrnoException) => fail(new RemoteFailure('UNREACHABLE', { reason: err.code ?? err.message })));
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      if (!raw) return fail(new RemoteFailure('UNREACHABLE', { reason: 'no certificate' }));
      const fingerprint = fingerprintOf(raw);
      if (pin !== null && fingerprint !== pin) return fail(new RemoteFailure('PIN_MISMATCH', { expected: pin, actual: fingerprint }));
      socket.setTimeout(0);
      socket.removeAllListeners('error');
      resolve({ socket, fingerprint });
    });
  });
}

export interface RemoteRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One request over a freshly pinned connection; resolves at the response head (the body is the caller's to read).
 * `timeoutMs` is how long the connection may stay silent: generous, since some calls work long on the server (loading
 * the demo, large exports); reaching the server at all must happen within ten seconds.
 */
export async function pinnedRequest(server: URL, pin: string, req: RemoteRequest, timeoutMs = 120_000): Promise<IncomingMessage> {
  const { socket } = await connectPinned(server, pin, Math.min(timeoutMs, 10_000));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: server.hostname,
        port: Number(server.port || 443),
        method: req.method,
        path: req.path,
        headers: { ...req.headers, host: server.host, connection: 'close' },
        createConnection: () => socket,
      },
      resolve,
    );
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new RemoteFailure('UNREACHABLE', { reason: 'timeout' })));
    outgoing.once('error', (err: NodeJS.ErrnoException) =>
      reject(err instanceof RemoteFailure ? err : new RemoteFailure('UNREACHABLE', { reason: err.code ?? err.message })),
    );
    outgoing.end(req.body);
  });
}

export async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
