import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionSlot } from '../sessions';
import { cookieSlot } from './cookie-session';

/** The response header a bearer sign-in answers with: the new secret, or empty when the session ended. */
export const SESSION_HEADER = 'x-desk-session';

const BEARER = /^Bearer(?:[ \t]+(\S+))?[ \t]*$/i;

/**
 * The desktop app's main process (issue 16, item 2) is no browser: it keeps the session secret itself and sends it as
 * `Authorization: Bearer <secret>` (just `Bearer` before it has signed in). No web page can send that header to the
 * server: from another origin it needs a CORS preflight, which the server never grants. So a bearer request needs no
 * Origin, and in return its session is the bearer secret alone: a cookie on the same request is ignored, so a request
 * that merely rides on a browser's cookie can never count as a bearer one.
 */
export function isBearer(req: IncomingMessage): boolean {
  const value = req.headers.authorization;
  return typeof value === 'string' && BEARER.test(value);
}

function bearerSlot(req: IncomingMessage, res: ServerResponse): SessionSlot {
  let secret = BEARER.exec(req.headers.authorization ?? '')?.[1] ?? null;
  return {
    get secret() {
      return secret;
    },
    set(next) {
      secret = next;
      if (!res.headersSent) res.setHeader(SESSION_HEADER, next ?? '');
    },
  };
}

/** The caller's session slot: the bearer secret for a bearer request (when the transport accepts them), else the cookie. */
export function requestSlot(req: IncomingMessage, res: ServerResponse, opts: { secure: boolean; bearer: boolean }): SessionSlot {
  return opts.bearer && isBearer(req) ? bearerSlot(req, res) : cookieSlot(req, res, { secure: opts.secure });
}
