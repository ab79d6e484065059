import { afterEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, newKey, type TestDesk } from '../helpers/desk';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import type { Result } from '../../src/shared/result';

/**
 * The transition table (domain §5, src/shared/domain/transitions.ts) holds on the server: moves the table does not
 * allow from the filing's state are sent straight to dispatch, past every form, and change nothing.
 */
let t: TestDesk;
afterEach(() => t?.close());

/** Everything a move would touch: the filing row, its events, and the audit entries that record a change. */
async function footprint(id: number) {
  const [row] = await t.query('SELECT state, version, step, due_date, waiting_units FROM filings WHERE id = ?', id);
  const [events] = await t.query<{ n: number }>('SELECT count(*) AS n FROM filing_events WHERE filing_id = ?', id);
  const [changes] = await t.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE outcome <> 'denied'");
  return { row, events: Number(events!.n), changes: Number(changes!.n) };
}

describe('refused transitions through dispatch', () => {
  it('a filing in joint review cannot be resubmitted, accepted again, supplemented, certified or closed', async () => {
    t = await createTestDesk({ lang: 'en' });
    const clerk = (await t.clerk()).session;
    const f = await t.acceptedFiling();
    expect(f.state).toBe('in_review');
    const before = await footprint(f.id);
    const refused: Result<unknown>[] = [
      await clerk.call('filing.submit', { id: f.id, version: f.version }),
      await clerk.call('acceptance.decide', {
        filingId: f.id,
        version: f.version,
        decision: 'accept',
        reason: '',
        corrections: [],
        deadlines: [],
        idempotencyKey: newKey(),
      }),
      await clerk.call('review.recordSupplement', { filingId: f.id, version: f.version, note: '补充材料', idempotencyKey: newKey() }),
      await clerk.call('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey() }),
      await clerk.call('followup.close', {
        filingId: f.id,
        version: f.version,
        how: 'sealed',
        report: { name: '封存报告.pdf', contentBase64: demoPdfBase64('closure') },
      }),
    ];
    for (const r of refused) expectError(r, 'CONFLICT');
    expect(refused.map((r) => (r.ok ? '' : r.error.message)).slice(0, 3)).toEqual([
      'This filing cannot be submitted in its current state',
      'Only a filing awaiting acceptance can be decided',
      expect.stringMatching(/supplement/i),
    ]);
    expect(await footprint(f.id)).toEqual(before);
  });

  it('a final state moves no more: a filing not accepted cannot be resubmitted or decided again', async () => {
    t = await createTestDesk({ lang: 'en' });
    const clerk = (await t.clerk()).session;
    const b = await t.newSubmittedFiling();
    const decide = (version: number, decision: 'notAccepted' | 'accept') =>
      clerk.call('acceptance.decide', {
        filingId: b.id,
        version,
        decision,
        reason: '不在园区范围内',
        corrections: [],
        deadlines: [],
        idempotencyKey: newKey(),
      });
    const refusedOnce = await decide(b.version, 'notAccepted');
    expect(refusedOnce.ok && refusedOnce.value.state).toBe('not_accepted');
    const version = refusedOnce.ok ? refusedOnce.value.version : 0;
    const before = await footprint(b.id);
    expectError(await clerk.call('filing.submit', { id: b.id, version }), 'CONFLICT');
    expectError(await decide(version, 'accept'), 'CONFLICT');
    expectError(await clerk.call('review.pauseClock', { filingId: b.id, version, pause: true, reason: '专家评审' }), 'CONFLICT');
    expect(await footprint(b.id)).toEqual(before);
  });
});
