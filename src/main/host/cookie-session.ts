import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionSlot } from '../sessions';

export const SESSION_COOKIE = 'desk_session';

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * session-1, browser mode: the session secret lives in an HttpOnly cookie (no script can read it), SameSite=Strict
 * (no other site's page can send it), Path=/ so that the same cookie opens `GET /files` and `/events`: no secret
 * and no client id ever appear in a URL. Served over loopback http, so not `Secure`; the district server adds it.
 */
export function cookieSlot(req: IncomingMessage, res: ServerResponse, opts: { secure?: boolean } = {}): SessionSlot {
  let secret = readCookie(req, SESSION_COOKIE);
  const attributes = `HttpOnly; SameSite=Strict; Path=/${opts.secure ? '; Secure' : ''}`;
  return {
    get secret() {
      return secret;
    },
    set(next) {
      secret = next;
      if (res.headersSent) return;
      res.setHeader('Set-Cookie', next ? `${SESSION_COOKIE}=${next}; ${attributes}` : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`);
    },
  };
}
