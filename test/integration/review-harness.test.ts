import { afterEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, type TestDesk } from '../helpers/desk';

let t: TestDesk;
afterEach(() => t?.close());

describe('test harness', () => {
  it('accepts a filing through the real handlers, conditionally too', async () => {
    t = await createTestDesk();
    const plain = await t.acceptedFiling();
    expect(plain.state).toBe('in_review');
    const conditional = await t.acceptedFiling({ conditional: true });
    expect(conditional.state).toBe('in_review');
    expect(conditional.trackedItems.map((i) => i.materialCode).sort()).toEqual(['emergency-plan', 'staff']);
    expectError(await t.anonymous().call('filing.get', { id: plain.id }), 'UNAUTHENTICATED');
  });
});
