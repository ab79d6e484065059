/**
 * session-1: the desk issues a random secret at sign-in and keeps only its hash; sessions end when idle, when old,
 * and all at once when the password changes, is reset, or the account is disabled. Nobody acts as a user by naming
 * another caller's identifiers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, expectOk, TEST_PASSWORD, type TestDesk, type TestUser } from '../helpers/desk';
import { hashSecret } from '../../src/main/sessions';

let t: TestDesk;
let admin: TestUser;
let user: TestUser;
beforeEach(async () => {
  t = await createTestDesk({ realSessionLimits: true });
  admin = await t.setupAdmin();
  user = await t.createUser('reviewer', 'yj');
});
afterEach(() => t.close());

const whoAmI = async (s: { call: TestUser['session']['call'] }) => expectOk(await s.call('auth.status', {})).actor?.username ?? null;
const sessionHashes = async (userId: number) =>
  (await t.query<{ secret_hash: string }>('SELECT secret_hash FROM sessions WHERE user_id = ?', userId)).map((r) => r.secret_hash);
const sessionRows = async (userId: number) => (await sessionHashes(userId)).length;

describe('session-1', () => {
  it('stores only a hash of a random secret; neither the hash nor another connection id opens the session', async () => {
    const secret = t.desk.services.sessions.get(user.session.connectionId)!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await sessionHashes(user.id))[0];
    expect(stored).toBe(hashSecret(secret));
    expect(JSON.stringify(await t.query('SELECT * FROM sessions'))).not.toContain(secret);
    // The stored hash, presented as a secret, is no session.
    const thief = t.anonymous();
    t.desk.services.sessions.set(thief.connectionId, stored as string);
    expect(await whoAmI(thief)).toBeNull();
    expectError(await thief.call('review.inbox', {}), 'UNAUTHENTICATED');
  });

  it('ends a session idle past the limit in Settings, and keeps an active one', async () => {
    t.clock.advance({ minutes: 25 });
    expect(await whoAmI(user.session)).toBe(user.username);
    t.clock.advance({ minutes: 25 });
    expect(await whoAmI(user.session)).toBe(user.username);
    t.clock.advance({ minutes: 31 });
    expect(await whoAmI(user.session)).toBeNull();
    expectError(await user.session.call('review.inbox', {}), 'UNAUTHENTICATED');
    expect(await sessionRows(user.id)).toBe(0);
    // The administrator shortens the idle limit: it applies to sessions already open.
    const s = await t.session(user.username);
    const a = await t.session(admin.username);
    const settings = await a.ok('settings.get', {});
    await a.ok('settings.update', { ...settings, sessions: { idleMinutes: 5, absoluteHours: 12 } });
    t.clock.advance({ minutes: 6 });
    expect(await whoAmI(s)).toBeNull();
  });

  it('ends a session at the absolute limit however active it is', async () => {
    for (let i = 0; i < 12 * 3; i++) {
      t.clock.advance({ minutes: 20 });
      expect(await whoAmI(user.session)).toBe(user.username);
    }
    t.clock.advance({ minutes: 20 });
    expect(await whoAmI(user.session)).toBeNull();
  });

  it('a password change ends every session of the user; the one that changed it carries on under a new secret', async () => {
    const other = await t.session(user.username);
    const before = t.desk.services.sessions.get(user.session.connectionId);
    await user.session.ok('auth.changePassword', { current: TEST_PASSWORD, next: 'another-strong-passphrase-2026' });
    expect(await whoAmI(other)).toBeNull();
    expect(await whoAmI(user.session)).toBe(user.username);
    expect(t.desk.services.sessions.get(user.session.connectionId)).not.toBe(before);
    expect(await sessionRows(user.id)).toBe(1);
  });

  it('a password reset or disabling the account ends every session of the user', async () => {
    const second = await t.session(user.username);
    await admin.session.ok('accounts.resetPassword', { id: user.id, password: 'reset-strong-passphrase-2026' });
    expect(await whoAmI(user.session)).toBeNull();
    expect(await whoAmI(second)).toBeNull();
    const again = await t.session(user.username, 'reset-strong-passphrase-2026');
    await admin.session.ok('accounts.setDisabled', { id: user.id, disabled: true });
    expect(await whoAmI(again)).toBeNull();
    expect(await sessionRows(user.id)).toBe(0);
  });

  it('sign-out ends the session in the store, not only in the transport', async () => {
    const secret = t.desk.services.sessions.get(user.session.connectionId)!;
    await user.session.ok('auth.logout', {});
    const replay = t.anonymous();
    t.desk.services.sessions.set(replay.connectionId, secret);
    expect(await whoAmI(replay)).toBeNull();
  });
});
