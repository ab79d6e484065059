/**
 * Unauthenticated refusals are recorded in aggregate — one audited entry per client per minute with a count — so
 * anyone holding browser mode's token cannot flood the audit log (issue 13, point 7).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, type TestDesk } from '../helpers/desk';
import { verifyAudit } from '../../src/main/cli/verify-audit';
import { sqliteHandle } from '../../src/main/db/store';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
  await t.setupAdmin();
});
afterEach(() => t.close());

const entries = () => sqliteHandle(t.desk.services.store).prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const refusedAs = (clientAddress: string, channel = 'filing.list') =>
  t.dispatch(channel, {}, { connectionId: `anon-${clientAddress}`, lang: 'en', clientAddress });

describe('aggregate refusals', () => {
  it('hundreds of unauthenticated calls add one entry per client per minute, with the count', async () => {
    const before = entries();
    for (let i = 0; i < 300; i++) expectError(await refusedAs('10.0.0.7', i % 2 ? 'filing.list' : 'review.inbox'), 'UNAUTHENTICATED');
    for (let i = 0; i < 50; i++) expectError(await refusedAs('10.0.0.8'), 'UNAUTHENTICATED');
    expect(entries()).toBe(before);
    await t.desk.services.refusals!.flush();
    const rows = sqliteHandle(t.desk.services.store)
      .prepare("SELECT target, outcome, after FROM audit_log WHERE action = 'auth.refused' ORDER BY seq")
      .all() as { target: string; outcome: string; after: string }[];
    expect(rows.map((r) => [r.target, r.outcome, JSON.parse(r.after).count])).toEqual([
      ['client:10.0.0.7', 'denied', 300],
      ['client:10.0.0.8', 'denied', 50],
    ]);
    expect(JSON.parse(rows[0]!.after).channels).toEqual({ 'filing.list': 150, 'review.inbox': 150 });
    // The next minute is a new entry; the chain still verifies.
    t.clock.advance({ minutes: 1 });
    for (let i = 0; i < 10; i++) await refusedAs('10.0.0.7');
    await t.desk.services.refusals!.flush();
    expect(entries()).toBe(before + 3);
    expect(verifyAudit(t.dir).code).toBe(0);
  });
});
