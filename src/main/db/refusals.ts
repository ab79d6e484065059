/**
 * How the store's own authority checks (SQLite triggers standing behind the handlers) report a refusal. The
 * triggers of migrations 002, 004 and 005 abort with a message that begins with AUTHORITY_REFUSAL; a migration
 * carries that text literally (migrations import nothing), and a test holds the two together. Another store
 * (PostgreSQL) answers the same question through its own isAuthorityRefusal.
 */
export const AUTHORITY_REFUSAL = 'FORBIDDEN: ';

/** Whether an error thrown by the store is a trigger refusing an actor without authority. */
export function isAuthorityRefusal(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  // PostgreSQL's guard functions RAISE EXCEPTION (SQLSTATE P0001, raise_exception) with the same message.
  return (code === 'SQLITE_CONSTRAINT_TRIGGER' || code === 'P0001') && err.message.startsWith(AUTHORITY_REFUSAL);
}
