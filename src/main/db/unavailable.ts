/**
 * Whether an error means the database server is out of reach rather than that the request was wrong: PostgreSQL
 * stopped, restarting or shutting connections down, or the network to it gone. Such a call gets UNAVAILABLE (try
 * again; a write sent again with its idempotency key acts once), not INTERNAL. SQLite, in the same process, never
 * gives these.
 */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: class 08 is "connection exception"; 57P01-57P03 are admin shutdown, crash shutdown, cannot connect now.
const SHUTDOWN = new Set(['57P01', '57P02', '57P03']);
// node-postgres says these in words only.
const LOST = /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable/;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK.has(code) || SHUTDOWN.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.message === 'string' && LOST.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}
