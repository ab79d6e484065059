import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { write } from '../services';
import { getAccount, insertUser, listAccounts, listReviewers, setDisabled, setPasswordHash, findUserForLogin } from '../db/users';
import { hashPassword } from '../passwords';
import { clearThrottle } from '../db/throttle';
import { passwordProblem } from '../../shared/domain/password';
import { endAllSessions } from '../sessions';
import { accountThrottleKey } from '../credentials';
import type { UnitCode } from '../../shared/domain/units';

const list: Handler<'accounts.list'> = (_input, ctx) => listAccounts(ctx.services.store.db);

const create: Handler<'accounts.create'> = async (input, ctx) => {
  if (await findUserForLogin(ctx.services.store.db, input.username))
    throw new DeskError('CONFLICT', 'accounts.usernameTaken', {}, { username: { key: 'accounts.usernameTaken' } });
  const hash = await hashPassword(input.password, ctx.services.scrypt);
  const unit = input.role === 'clerk' ? 'sp' : input.unit;
  const id = await write(ctx, async ({ trx, audit }) => {
    const a = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      unit,
      passwordHash: hash,
      now: ctx.now.toISOString(),
    });
    await audit({ action: 'accounts.create', target: `user:${a.id}`, after: { username: a.username, role: a.role, unit: a.unit } });
    return a.id;
  });
  return (await getAccount(ctx.services.store.db, id))!;
};

const setDisabledHandler: Handler<'accounts.setDisabled'> = async (input, ctx) => {
  if (input.id === ctx.actor!.id && input.disabled) throw new DeskError('CONFLICT', 'accounts.cannotDisableSelf');
  await write(ctx, async ({ trx, audit }) => {
    const before = await getAccount(trx, input.id);
    if (!before) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
    await setDisabled(trx, input.id, input.disabled);
    await audit({
      action: 'accounts.setDisabled',
      target: `user:${input.id}`,
      before: { disabled: before.disabled },
      after: { disabled: input.disabled },
    });
  });
  // A disabled account loses every open session at once.
  if (input.disabled) await endAllSessions(ctx.services, input.id);
  return (await getAccount(ctx.services.store.db, input.id))!;
};

const resetPassword: Handler<'accounts.resetPassword'> = async (input, ctx) => {
  const hash = await hashPassword(input.password, ctx.services.scrypt);
  await write(ctx, async ({ trx, audit }) => {
    const account = await getAccount(trx, input.id);
    if (!account) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
    if (passwordProblem(input.password, account.username) === 'username')
      throw new DeskError('INVALID', 'err.INVALID', {}, { password: { key: 'v.password.username' } });
    await setPasswordHash(trx, input.id, hash);
    await clearThrottle(trx, accountThrottleKey(account.username));
    await audit({ action: 'accounts.resetPassword', target: `user:${input.id}` });
  });
  await endAllSessions(ctx.services, input.id);
  return { ok: true as const };
};

const reviewers: Handler<'accounts.reviewers'> = async (_input, ctx) =>
  (await listReviewers(ctx.services.store.db)).map((r) => ({ id: r.id, displayName: r.display_name, unit: r.unit as UnitCode }));

export const accountsHandlers = {
  'accounts.list': list,
  'accounts.create': create,
  'accounts.setDisabled': setDisabledHandler,
  'accounts.resetPassword': resetPassword,
  'accounts.reviewers': reviewers,
};
