/**
 * Whether an error means the database server cannot be reached right now (PostgreSQL stopped, restarting, or the
 * network to it cut), as opposed to a fault in a query or a rule. Such a call wrote nothing (a transaction the server
 * never confirmed is rolled back by PostgreSQL), so the desk answers UNAVAILABLE and the caller may send it again.
 * SQLite, a file in the same process, never gives these.
 */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const MESSAGES = /^(Connection terminated|Client has encountered a connection error|Connection refused|connect ECONNREFUSED)/;

export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NODE_CODES.has(code) || SQLSTATES.has(code) || /^08/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    // AggregateError (a host name resolving to several addresses, each refused).
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnreachable(x))) return true;
  }
  return false;
}
