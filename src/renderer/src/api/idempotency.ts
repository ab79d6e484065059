/**
 * A fresh idempotency key per intent (crypto.randomUUID without dashes: 32 hex characters, within the contract's
 * pattern); a retry of the same intent after a transport failure reuses it (crash-3).
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
