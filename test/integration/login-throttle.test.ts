/**
 * login-1: the slow-down holds under parallel attempts. Every attempt is reserved in one immediate transaction before
 * the password check, per account name (existing or not) and per client address.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, expectOk, TEST_PASSWORD, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let n = 0;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(() => t.close());

const login = (username: string, password: string, clientAddress = '10.0.0.1') =>
  t.dispatch('auth.login', { username, password }, { connectionId: `login-1:${++n}`, lang: 'en', clientAddress });
const codes = (results: { ok: boolean; error?: { code: string } }[]) => results.map((r) => (r.ok ? 'OK' : r.error!.code)).sort();
const failures = async (key: string) =>
  (await t.query<{ failures: number }>('SELECT failures FROM login_throttle WHERE key = ?', key))[0]?.failures ?? 0;
const tally = (list: string[]) => list.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

describe('login-1: parallel wrong passwords', () => {
  it('counts twenty parallel attempts exactly as twenty in sequence, and refuses the right password while locked', async () => {
    const a = await t.createUser('reviewer', 'yj');
    const b = await t.createUser('reviewer', 'hb');
    const sequential: string[] = [];
    for (let i = 0; i < 20; i++) sequential.push(...codes([await login(b.username, `wrong-password-${i}`, '10.0.0.2')]));
    const parallel = codes(await Promise.all(Array.from({ length: 20 }, (_, i) => login(a.username, `wrong-password-${i}`))));
    expect(tally(parallel)).toEqual(tally(sequential));
    expect(tally(parallel)).toEqual({ UNAUTHENTICATED: 3, RATE_LIMITED: 17 });
    expect(await failures(`user:${a.username}`)).toBe(await failures(`user:${b.username}`));
    expect(await failures(`user:${a.username}`)).toBe(3);
    // The right password is refused while the account waits, and it is not even checked.
    expectError(await login(a.username, TEST_PASSWORD), 'RATE_LIMITED');
    t.clock.advance({ minutes: 1 });
    expectOk(await login(a.username, TEST_PASSWORD));
    expect(await failures(`user:${a.username}`)).toBe(0);
  });

  it('a burst of 19 wrong and 1 right does not sign in once the account is locked', async () => {
    const a = await t.createUser('reviewer', 'gh');
    const burst = await Promise.all([
      ...Array.from({ length: 19 }, (_, i) => login(a.username, `wrong-password-${i}`)),
      login(a.username, TEST_PASSWORD),
    ]);
    const signedIn = burst.filter((r) => r.ok).length;
    const checked = burst.filter((r) => r.ok || r.error.code === 'UNAUTHENTICATED').length;
    // At most three attempts reach the password check before the lock, whichever they are.
    expect(checked).toBeLessThanOrEqual(3);
    expect(signedIn).toBeLessThanOrEqual(1);
  });

  it('slows unknown usernames the same way, so waits do not reveal which names exist', async () => {
    await t.setupAdmin();
    const unknown = codes(await Promise.all(Array.from({ length: 6 }, () => login('nobody-here', 'wrong-password'))));
    const known = codes(await Promise.all(Array.from({ length: 6 }, () => login('admin', 'wrong-password', '10.0.0.3'))));
    expect(unknown).toEqual(known);
    expect(tally(unknown)).toEqual({ UNAUTHENTICATED: 3, RATE_LIMITED: 3 });
  });

  it('limits one client address walking through many names, and leaves other addresses alone', async () => {
    const admin = await t.setupAdmin();
    for (let i = 0; i < 10; i++) expectError(await login(`guess-${i}`, 'wrong-password', '10.9.9.9'), 'UNAUTHENTICATED');
    expect(await failures('addr:10.9.9.9')).toBe(10);
    expectError(await login(admin.username, TEST_PASSWORD, '10.9.9.9'), 'RATE_LIMITED');
    expectOk(await login(admin.username, TEST_PASSWORD, '10.8.8.8'));
  });
});
