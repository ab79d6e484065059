/**
 * Typed deadlines (domain §5, §7; issue 14 point 9), through dispatch: a supply deadline typed onto a public holiday is
 * recorded on the next working day and the record says it moved; one beyond its maximum is refused with the maximum
 * shown, never clamped, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { addWorkingDays, officialCalendar } from '../../src/shared/domain/calendar';

let t: TestDesk;
let clerk: TestUser;
beforeEach(async () => {
  // Monday 21 September 2026: the National Day holidays (1–7 October) fall inside the supply maximum.
  t = await createTestDesk({ now: '2026-09-21T02:00:00Z' });
  clerk = await t.clerk();
});
afterEach(() => t.close());

async function conditionalDecision(deadlines: Record<string, string>) {
  const submitted = await t.newSubmittedFiling({ conditional: true });
  const preview = await clerk.session.ok('acceptance.preview', { filingId: submitted.id });
  const input = {
    filingId: submitted.id,
    version: submitted.version,
    decision: 'conditional' as const,
    reason: '',
    corrections: [],
    deadlines: preview.missing.map((m) => ({ materialCode: m.materialCode, dueDate: deadlines[m.materialCode] ?? m.maxDueDate })),
    idempotencyKey: newKey(),
  };
  return { submitted, preview, result: await clerk.session.call('acceptance.decide', input) };
}

describe('typed deadlines', () => {
  it('a deadline typed onto a public holiday moves to the next working day, and the record says so', async () => {
    const { submitted, result } = await conditionalDecision({ staff: '2026-10-01' });
    expect(result.ok).toBe(true);
    const filing = await clerk.session.ok('filing.get', { id: submitted.id });
    const staff = filing.trackedItems.find((i) => i.materialCode === 'staff')!;
    expect(staff.dueDate).toBe('2026-10-08');
    const [audit] = await t.query<{ after: string }>(
      "SELECT after FROM audit_log WHERE action = 'acceptance.decide' AND target = ?",
      `filing:${submitted.id}`,
    );
    expect(JSON.parse(audit!.after).moved).toEqual([{ materialCode: 'staff', from: '2026-10-01', to: '2026-10-08' }]);
  });

  it('a deadline beyond its maximum is refused with the maximum shown, and nothing is written', async () => {
    const today = t.clock.today();
    const probe = await t.newSubmittedFiling({ conditional: true });
    const max = (await clerk.session.ok('acceptance.preview', { filingId: probe.id })).missing.find(
      (m) => m.materialCode === 'staff',
    )!.maxDueDate;
    const beyond = addWorkingDays(officialCalendar, max, 1);
    const { submitted, result } = await conditionalDecision({ staff: beyond });
    const error = expectError(result, 'INVALID');
    // The field's message names the latest date allowed.
    expect(error.fields?.['materials.staff']).toContain(max);
    expect(error.message).toContain(max);
    const filing = await clerk.session.ok('filing.get', { id: submitted.id });
    expect(filing.state).toBe('submitted');
    expect(filing.trackedItems).toEqual([]);
    expect(today).toBe('2026-09-21');
  });
});
