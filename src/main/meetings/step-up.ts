import type { Actor } from '../../shared/contract/auth';
import { DeskError } from '../../shared/result';
import { write, type Ctx } from '../services';
import { findUserForLogin, loadActor, recordLoginResult } from '../db/users';
import { hashPassword, loginDelaySeconds, verifyPassword } from '../passwords';

export interface StepUpTarget {
  meetingId: number;
  filingId: number;
  section: string;
}

/**
 * Step-up confirmation at the shared screen (domain §3): the named reviewer proves they are at the table by typing
 * their own password. It shares the login's failure counter and delay, so the session screen is no way around the
 * login's rate limit. A failure is audited as the host's action (the host's session made the attempt) naming the
 * account tried; it is refused beside the password field and decides nothing.
 */
export async function stepUp(
  ctx: Ctx,
  username: string,
  password: string,
  target: StepUpTarget,
): Promise<{ actor: Actor; hadFailures: boolean }> {
  const { db } = ctx.services.store;
  const user = await findUserForLogin(db, username);
  const nowIso = ctx.now.toISOString();
  const refuse = (reason: string) =>
    write(ctx, ({ audit }) =>
      audit({
        action: 'meeting.stepUp',
        target: user ? `user:${user.id}` : `username:${username}`,
        outcome: 'failed',
        after: { reason, reviewer: username, meetingId: target.meetingId, filingId: target.filingId, section: target.section },
      }),
    );
  if (user?.locked_until && user.locked_until > nowIso) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - ctx.now.getTime()) / 1000);
    await refuse('locked');
    throw new DeskError('RATE_LIMITED', 'err.RATE_LIMITED', { seconds }, { password: { key: 'mt.stepUp.wait', params: { seconds } } });
  }
  // Hash even for an unknown name, so timing does not tell which usernames exist.
  const valid = user ? await verifyPassword(password, user.password_hash) : (await hashPassword(password, ctx.services.scrypt), false);
  const actor = user && valid && !user.disabled ? await loadActor(db, user.id) : null;
  if (!actor) {
    if (user && !valid) {
      const failures = user.failed_logins + 1;
      const delay = loginDelaySeconds(failures);
      await recordLoginResult(
        db,
        user.id,
        false,
        failures,
        delay ? new Date(ctx.now.getTime() + delay * 1000).toISOString() : null,
        nowIso,
      );
    }
    await refuse(user?.disabled ? 'disabled' : 'credentials');
    throw new DeskError('INVALID', 'mt.stepUp.bad', {}, { password: { key: 'mt.stepUp.bad' } });
  }
  return { actor, hadFailures: user!.failed_logins > 0 || user!.locked_until !== null };
}
