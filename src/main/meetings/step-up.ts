import type { Actor } from '../../shared/contract/auth';
import { DeskError } from '../../shared/result';
import { write, type Ctx } from '../services';
import { loadActor } from '../db/users';
import { checkCredentials } from '../credentials';

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
  const check = await checkCredentials(ctx, username, password);
  const user = check.user;
  const refuse = (reason: string) =>
    write(ctx, ({ audit }) =>
      audit({
        action: 'meeting.stepUp',
        target: user ? `user:${user.id}` : `username:${username}`,
        outcome: 'failed',
        after: { reason, reviewer: username, meetingId: target.meetingId, filingId: target.filingId, section: target.section },
      }),
    );
  if (check.outcome === 'locked') {
    await refuse('locked');
    const seconds = check.seconds;
    throw new DeskError('RATE_LIMITED', 'err.RATE_LIMITED', { seconds }, { password: { key: 'mt.stepUp.wait', params: { seconds } } });
  }
  const actor = check.outcome === 'ok' ? await loadActor(db, check.user.id) : null;
  if (!actor) {
    await refuse(check.outcome === 'refused' ? check.reason : 'credentials');
    throw new DeskError('INVALID', 'mt.stepUp.bad', {}, { password: { key: 'mt.stepUp.bad' } });
  }
  return { actor, hadFailures: check.outcome === 'ok' && check.hadFailures };
}
