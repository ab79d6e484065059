import { write, type Ctx } from './services';
import { findUserForLogin, recordLoginResult } from './db/users';
import { hashPassword, loginDelaySeconds, verifyPassword } from './passwords';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserForLogin>>>;

export type CredentialCheck =
  | { outcome: 'ok'; user: UserRow }
  | { outcome: 'locked'; user: UserRow; seconds: number }
  | { outcome: 'refused'; user: UserRow | null; reason: 'credentials' | 'disabled' };

/**
 * One password check for the login and for step-up confirmation at a joint session, so both share the failure
 * counter and the increasing delay: the session screen is no way around the login's rate limit.
 * Counts a failure against the account; the caller audits and answers.
 */
export async function checkCredentials(ctx: Ctx, username: string, password: string): Promise<CredentialCheck> {
  const { db } = ctx.services.store;
  const user = await findUserForLogin(db, username);
  const nowIso = ctx.now.toISOString();
  if (user?.locked_until && user.locked_until > nowIso) {
    return { outcome: 'locked', user, seconds: Math.ceil((Date.parse(user.locked_until) - ctx.now.getTime()) / 1000) };
  }
  // Hash even when the user does not exist, so timing does not reveal which usernames exist.
  const valid = user ? await verifyPassword(password, user.password_hash) : (await hashPassword(password, ctx.services.scrypt), false);
  if (user && !valid) {
    const failures = user.failed_logins + 1;
    const delay = loginDelaySeconds(failures);
    const lockedUntil = delay ? new Date(ctx.now.getTime() + delay * 1000).toISOString() : null;
    await write(ctx, ({ trx }) => recordLoginResult(trx, user.id, false, failures, lockedUntil, nowIso));
  }
  if (!user || !valid) return { outcome: 'refused', user: user ?? null, reason: 'credentials' };
  if (user.disabled) return { outcome: 'refused', user, reason: 'disabled' };
  return { outcome: 'ok', user };
}
