/**
 * setup-1: first-run setup and demo load sent at once on an empty desk. Exactly one happens, decided inside one
 * immediate transaction; demo accounts never coexist with a real administrator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, type TestDesk } from '../helpers/desk';
import { DEMO_PASSWORD } from '../../src/main/demo/plan';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(() => t.close());

const users = () => t.query<{ username: string; is_demo: number }>('SELECT username, is_demo FROM users ORDER BY id');
const setup = () => t.anonymous().call('auth.setup', { username: 'chief', displayName: 'Real Admin', password: 'a-real-password-2026' });
const demo = () => t.anonymous().call('demo.load', {});

describe('setup-1: first run', () => {
  for (const order of ['demo first', 'setup first'] as const) {
    it(`keeps exactly one of setup and demo load when both arrive at once (${order})`, async () => {
      // Both are sent before either answers; results[0] is always setup's, results[1] the demo load's.
      const results =
        order === 'demo first'
          ? await Promise.all([demo(), setup()]).then(([d, s]) => [s, d] as const)
          : await Promise.all([setup(), demo()]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const rows = await users();
      const kinds = new Set(rows.map((r) => r.is_demo));
      expect(kinds.size).toBe(1);
      if (results[0]!.ok) {
        expect(rows).toEqual([{ username: 'chief', is_demo: 0 }]);
        expectError(results[1]!, 'CONFLICT');
        // The published demo password signs in as nobody.
        expectError(await t.anonymous().call('auth.login', { username: 'admin', password: DEMO_PASSWORD }), 'UNAUTHENTICATED');
      } else {
        expect(rows.every((r) => r.is_demo === 1)).toBe(true);
        expectError(results[0]!, 'CONFLICT');
      }
    }, 120_000);
  }

  it('the database refuses a demo account beside a real one, whatever code path tries', async () => {
    await t.setupAdmin();
    await expect(
      t.query(
        "INSERT INTO users (username, display_name, role, password_hash, is_demo, created_at) VALUES ('clerk', 'x', 'clerk', 'x', 1, 'now')",
      ),
    ).rejects.toThrow(/demo accounts never join/);
  });
});
