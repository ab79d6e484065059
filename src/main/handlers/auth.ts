import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { write, type Ctx } from '../services';
import { countUsers, findUserForLogin, insertUser, loadActor, recordLoginResult, setPasswordHash } from '../db/users';
import { checkCredentials } from '../credentials';
import { passwordProblem } from '../../shared/domain/password';
import { beginSession, endAllSessions, endSession } from '../sessions';
import { getMeta } from '../db/settings';
import { hashPassword, verifyPassword } from '../passwords';

export function requireActor(ctx: Ctx) {
  if (!ctx.actor) throw new DeskError('UNAUTHENTICATED', 'err.UNAUTHENTICATED');
  return ctx.actor;
}

const status: Handler<'auth.status'> = async (_input, ctx) => {
  const { store, mode } = ctx.services;
  return {
    needsSetup: store.health.ok && (await countUsers(store.db)) === 0,
    actor: ctx.actor,
    db: store.health,
    demoLoaded: (await getMeta(store.db, 'demo')) !== null,
    mode,
  };
};

const setup: Handler<'auth.setup'> = async (input, ctx) => {
  const hash = await hashPassword(input.password, ctx.services.scrypt);
  const actor = await write(ctx, async ({ trx, audit }) => {
    // Checked inside the write transaction so two first starts cannot both create an admin.
    if ((await countUsers(trx)) > 0) throw new DeskError('CONFLICT', 'auth.setupDone');
    const a = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      role: 'admin',
      unit: null,
      passwordHash: hash,
      now: ctx.now.toISOString(),
    });
    await audit({ action: 'auth.setup', target: `user:${a.id}`, after: { username: a.username, role: 'admin' } });
    return a;
  });
  await beginSession(ctx, actor.id);
  return actor;
};

const login: Handler<'auth.login'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const nowIso = ctx.now.toISOString();
  const check = await checkCredentials(ctx, input.username, input.password);
  if (check.outcome !== 'ok') {
    const reason = check.outcome === 'locked' ? 'locked' : check.reason;
    await write({ ...ctx, actor: null }, ({ audit }) =>
      audit({
        action: 'auth.login',
        target: check.user ? `user:${check.user.id}` : `username:${input.username}`,
        outcome: 'failed',
        after: { reason },
      }),
    );
    if (check.outcome === 'locked') throw new DeskError('RATE_LIMITED', 'err.RATE_LIMITED', { seconds: check.seconds });
    throw new DeskError('UNAUTHENTICATED', 'auth.badCredentials', {}, { password: { key: 'auth.badCredentials' } });
  }
  const { user } = check;
  await write({ ...ctx, actor: null }, async ({ trx, audit }) => {
    await recordLoginResult(trx, user.id, true, 0, null, nowIso);
    await audit({ action: 'auth.login', target: `user:${user.id}` });
  });
  await beginSession(ctx, user.id);
  return (await loadActor(db, user.id))!;
};

const logout: Handler<'auth.logout'> = async (_input, ctx) => {
  const actor = requireActor(ctx);
  await endSession(ctx);
  await write(ctx, ({ audit }) => audit({ action: 'auth.logout', target: `user:${actor.id}` }));
  return { ok: true as const };
};

const changePassword: Handler<'auth.changePassword'> = async (input, ctx) => {
  const actor = requireActor(ctx);
  if (passwordProblem(input.next, actor.username) === 'username')
    throw new DeskError('INVALID', 'err.INVALID', {}, { next: { key: 'v.password.username' } });
  const user = await findUserForLogin(ctx.services.store.db, actor.username);
  if (!user || !(await verifyPassword(input.current, user.password_hash)))
    throw new DeskError('INVALID', 'auth.badCredentials', {}, { current: { key: 'auth.badCredentials' } });
  const hash = await hashPassword(input.next, ctx.services.scrypt);
  await write(ctx, async ({ trx, audit }) => {
    await setPasswordHash(trx, actor.id, hash);
    await audit({ action: 'auth.changePassword', target: `user:${actor.id}` });
  });
  // Every session of the user ends, this one too; the caller carries on under a fresh secret.
  await endAllSessions(ctx.services, actor.id);
  await beginSession(ctx, actor.id);
  return { ok: true as const };
};

export const authHandlers = {
  'auth.status': status,
  'auth.setup': setup,
  'auth.login': login,
  'auth.logout': logout,
  'auth.changePassword': changePassword,
};
