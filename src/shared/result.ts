/** Errors are values across every boundary (architecture: "errors as values"). */
export const ERROR_CODES = [
  'INVALID',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'READ_ONLY',
  'RATE_LIMITED',
  'INTERNAL',
  /** The database cannot be reached right now (the district server's PostgreSQL restarting): try again. */
  'UNAVAILABLE',
  /**
   * The district server itself cannot be reached (the connected desktop app's relay got no answer): nothing was sent
   * or nothing came back; the renderer treats it as browser mode treats a network failure.
   */
  'UNREACHABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A refusal that says the request may not have been carried out at all (no answer, the server's database or the
 * server out of reach, an internal failure): the same text may be sent again, with the same idempotency key.
 */
export const mayBeUnsent = (code: ErrorCode): boolean => code === 'INTERNAL' || code === 'UNAVAILABLE' || code === 'UNREACHABLE';

export interface AppError {
  code: ErrorCode;
  /** Human message in the caller's language. */
  message: string;
  /** Per-field messages keyed by the dotted path zod reports (e.g. `applicant.creditCode`). */
  fields?: Record<string, string>;
  /** For STALE: the current state of the thing the caller tried to change. */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });

/**
 * A domain failure before translation: a stable code plus a message key and its parameters.
 * Handlers and pure rules raise these; dispatch turns them into AppError in the caller's language.
 */
export class DeskError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fields?: Record<string, { key: string; params?: Record<string, string | number> }>,
    public readonly current?: unknown,
  ) {
    super(`${code}: ${key}`);
  }
}
