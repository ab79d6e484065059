import type { Ctx } from './services';
import { findUserForLogin } from './db/users';
import { releaseAttempt, reserveAttempt, type ThrottleKey } from './db/throttle';
import { addressDelaySeconds, hashPassword, loginDelaySeconds, verifyPassword } from './passwords';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserForLogin>>>;

export type CredentialCheck =
  | { outcome: 'ok'; user: UserRow; hadFailures: boolean }
  | { outcome: 'locked'; user: UserRow | null; seconds: number }
  | { outcome: 'refused'; user: UserRow | null; reason: 'credentials' | 'disabled' };

/** Counters are kept by the name typed, whether or not such an account exists, so waits do not reveal names. */
export const accountThrottleKey = (username: string): string => `user:${username}`;

/**
 * One password check for the login and for step-up confirmation at a joint session, so both share the failure
 * counters and the increasing delay: the session screen is no way around the login's rate limit.
 * The attempt is reserved against the account name and the client address before the ~1 s check (login-1), and
 * given back only when the password was right. The caller audits and answers.
 */
export async function checkCredentials(ctx: Ctx, username: string, password: string): Promise<CredentialCheck> {
  const { db } = ctx.services.store;
  const account: ThrottleKey = { key: accountThrottleKey(username), delay: loginDelaySeconds };
  const address: ThrottleKey = { key: `addr:${ctx.clientAddress ?? 'local'}`, delay: addressDelaySeconds };
  const user = (await findUserForLogin(db, username)) ?? null;
  const reservation = await reserveAttempt(db, [account, address], ctx.now);
  if (reservation.locked) return { outcome: 'locked', user, seconds: reservation.seconds };
  // Hash even when the user does not exist, so timing does not reveal which usernames exist.
  const valid = user ? await verifyPassword(password, user.password_hash) : (await hashPassword(password, ctx.services.scrypt), false);
  if (!user || !valid) return { outcome: 'refused', user, reason: 'credentials' };
  await releaseAttempt(db, account.key, address, ctx.now);
  if (user.disabled) return { outcome: 'refused', user, reason: 'disabled' };
  return { outcome: 'ok', user, hadFailures: (reservation.before[0] ?? 0) > 0 };
}
