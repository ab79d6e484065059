/**
 * fuzz-1 (reliability.md): thousands of generated payloads to every channel — junk, prototype keys, oversized text,
 * bidi controls, wrong types — from every kind of caller. No crash, nothing invalid accepted, the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../src/shared/contract';
import { createTestDesk, type Session, type TestDesk } from '../helpers/desk';
import { storeFingerprint } from '../helpers/fingerprint';
import { verifyStoreChain } from '../../src/main/db/store-ops';

let t: TestDesk;
let callers: Session[];

beforeAll(async () => {
  t = await createTestDesk();
  await t.acceptedFiling({ conditional: true });
  const admin = await t.setupAdmin();
  callers = [
    admin.session,
    (await t.clerk()).session,
    (await t.createUser('reviewer', 'yj')).session,
    (await t.createUser('observer')).session,
    t.anonymous(),
  ];
});
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('\u202E甲乙丙', '名\u2066称', 'x\u0000y', '\uD800', '__proto__', 'constructor', '长'.repeat(30_001), ''),
  // Issue 13: whitespace-only and guessable passwords, the username as password, NUL and lone surrogates in searches
  // and settings texts, and secrets or session ids where a client might try to name its own session.
  fc.constantFrom('          ', 'aaaaaaaaaa', 'password123', 'admin', 'admin     ', '原件\u0000', '\uDC00原件', 'a'.repeat(43)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -1, 0, 2 ** 53, -(2 ** 31)),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 3 }),
);

/** Objects shaped like the channel's input (its own keys), filled with junk, sometimes with a prototype key or an extra key. */
function shapedArbitrary(schema: z.ZodType) {
  const shape =
    (schema as unknown as { shape?: Record<string, unknown> }).shape ??
    (schema as unknown as { def?: { in?: { shape?: Record<string, unknown> } } }).def?.in?.shape;
  const keys = shape ? Object.keys(shape) : [];
  const base = fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), nasty, { maxKeys: keys.length || 1 });
  return fc.oneof(
    nasty,
    base,
    base.map((o) => ({ ...o, userId: 1, unit: 'yj' })),
    base.map((o) => ({ ...o, sessionId: 'a'.repeat(43), connectionId: 'tab:clientAAAAAAAAAA', secret: 'x' })),
    base.map((o) => JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(o).slice(1)}`.replace(/, }$/, '}')) as unknown),
    // Issue 13 (point 8): `constructor` as a key, and NUL, bidi controls and lone surrogates in keys as well as values.
    base.map(
      (o) => JSON.parse(`{"constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(o).slice(1)}`.replace(/, }$/, '}')) as unknown,
    ),
    base.map((o) => ({ ...o, 'x\u0000': 'y', '\u202E': '\u2066z', '\uD800': '\uDC00' })),
  );
}

describe('fuzz-1', () => {
  it('every channel refuses junk from every caller, never crashes, and changes nothing', async () => {
    const before = await storeFingerprint(t.desk.services.store, ['audit_log']);
    const refused = new Set(['INVALID', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED', 'READ_ONLY']);
    let sent = 0;
    let skippedValid = 0;
    for (const [name, def] of Object.entries(contract)) {
      const samples = fc.sample(shapedArbitrary(def.input as z.ZodType), { numRuns: 100, seed: name.length * 7919 });
      for (const [i, payload] of samples.entries()) {
        // A payload that happens to be valid is not fuzz; the integration tests cover valid calls.
        if (def.input.safeParse(payload).success) {
          skippedValid++;
          continue;
        }
        const caller = callers[i % callers.length]!;
        const result = await caller.raw(name, payload);
        sent++;
        expect(result.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
        if (!result.ok) expect(refused.has(result.error.code), `${name}: ${result.error.code} ${result.error.message}`).toBe(true);
        // A refusal always says why, also for a field named `__proto__` or `constructor`.
        if (!result.ok && result.error.code === 'INVALID') {
          expect(result.error.message, name).toBeTruthy();
          for (const text of Object.values(result.error.fields ?? {})) expect(typeof text === 'string' && text.length > 0, name).toBe(true);
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(skippedValid).toBeLessThan(sent / 10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storeFingerprint(t.desk.services.store, ['audit_log'])).toBe(before);
    // Refusals are audited; the chain still verifies against the head kept outside the database.
    expect(await verifyStoreChain(t.desk.services.store)).toMatchObject({ ok: true });
  }, 300_000);
});
