import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type Channel } from '../../src/shared/contract';
import { idempotentCall } from '../../src/main/dispatch';

/** Where a channel's input carries an idempotency key: at the top, or inside a nested object (the decision). */
function keyPath(schema: z.ZodType): string | null {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return null;
  if ('idempotencyKey' in shape) return 'idempotencyKey';
  for (const [name, inner] of Object.entries(shape)) if (keyPath(inner) === 'idempotencyKey') return `${name}.idempotencyKey`;
  return null;
}

describe('the idempotency envelope is declared in the contract', () => {
  const channels = Object.keys(contract) as Channel[];

  it('every channel whose input carries a key declares itself idempotent, and no other does', () => {
    const carrying = channels.filter((c) => keyPath(contract[c].input) !== null);
    const declared = channels.filter((c) => (contract[c] as { idempotent?: unknown }).idempotent);
    expect(carrying.length).toBeGreaterThanOrEqual(7);
    expect(declared.sort()).toEqual(carrying.sort());
  });

  it('dispatch finds the key where the input carries it', () => {
    for (const c of channels) {
      const path = keyPath(contract[c].input);
      if (!path) {
        expect(idempotentCall(c, {})).toBeUndefined();
        continue;
      }
      const input = path === 'idempotencyKey' ? { idempotencyKey: 'k-1' } : { [path.split('.')[0]!]: { idempotencyKey: 'k-1' } };
      expect(idempotentCall(c, input)).toEqual({ channel: c, key: 'k-1', ran: false });
    }
  });
});
