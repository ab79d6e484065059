import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import type { Input, Output } from '../../src/shared/contract';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';
import { addWorkingDays, officialCalendar } from '../../src/shared/domain/calendar';

/**
 * Issue 11: the Settings tables of enterprise problems — departments, categories, deadlines in working days by
 * grade — edited by the administrator, checked by the desk (rows are set inactive, never removed; the five review
 * units keep their level and stay active), audited, and followed by the next problem and dispatch.
 */

let t: TestDesk;
let admin: TestUser;
let clerk: TestUser;
let commissioner: TestUser;

const toInput = (s: Output<'problem.settings'>): Input<'problem.saveSettings'> => ({
  departments: s.departments.map(({ code, nameZh, nameEn, kind, active }) => ({ code, nameZh, nameEn, kind, active })),
  categories: s.categories.map(({ code, nameZh, nameEn, active }) => ({ code, nameZh, nameEn, active })),
  limits: s.policy.limits,
  reportEveryDays: s.policy.reportEveryDays,
  reminderAfterDays: s.policy.reminderAfterDays,
  warningDays: s.policy.warningDays,
});
const current = async () => toInput(await admin.session.ok('problem.settings', {}));
const problemInput = (category: string): Input<'problem.create'> => ({
  creditCode: creditCodeWithCheck('91320412MA1MXKJU6'),
  firmName: '常州新材科技有限公司',
  filingId: null,
  title: '研发人员落户',
  request: '请协调人才公寓。',
  source: 'firm',
  category,
  attachments: [],
  idempotencyKey: newKey('problem'),
});

beforeEach(async () => {
  t = await createTestDesk();
  admin = await t.setupAdmin();
  clerk = await t.clerk();
  commissioner = await t.createUser('observer');
  await admin.session.ok('problem.setDepartment', { userId: commissioner.id, department: 'kjsw' });
});
afterEach(() => t.close());

describe('problem settings', () => {
  it('saves departments, categories and deadlines by grade, audited; the next problem and dispatch follow them', async () => {
    const before = await current();
    const next = structuredClone(before);
    next.departments.push({
      code: 'fgw',
      nameZh: '区发展和改革局',
      nameEn: 'Development and Reform Bureau',
      kind: 'district',
      active: true,
    });
    next.departments.find((d) => d.code === 'tl')!.active = false;
    next.departments.find((d) => d.code === 'kjsw')!.nameZh = '科技商务局';
    next.categories.push({ code: 'talent', nameZh: '人才和住房', nameEn: 'Talent and housing', active: true });
    next.categories.find((c) => c.code === 'finance')!.active = false;
    next.limits = { park: 8, district: 15, city: 30 };
    const saved = await admin.session.ok('problem.saveSettings', next);
    expect(saved.departments.find((d) => d.code === 'fgw')).toMatchObject({ kind: 'district', active: true, reviewUnit: false });
    expect(saved.departments.find((d) => d.code === 'tl')!.active).toBe(false);
    expect(saved.policy.limits).toEqual({ park: 8, district: 15, city: 30 });
    expect(toInput(await commissioner.session.ok('problem.settings', {}))).toEqual(next);
    const audit = await t.query<{ actor_id: number; before: string; after: string }>(
      "SELECT actor_id, before, after FROM audit_log WHERE action = 'problem.saveSettings' AND outcome = 'ok'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(admin.id);
    expect(JSON.parse(audit[0]!.after).limits).toEqual({ park: 8, district: 15, city: 30 });
    expect(JSON.parse(audit[0]!.before).limits).toEqual(before.limits);

    // A new category is offered; an inactive one is refused.
    const p = await commissioner.session.ok('problem.create', problemInput('talent'));
    expectError(await commissioner.session.call('problem.create', problemInput('finance')), 'INVALID');
    // A new department leads; an inactive one cannot co-operate; the deadline follows the new city limit.
    const dispatch = (cooperating: string[]) =>
      clerk.session.call('problem.dispatch', {
        problemId: p.id,
        version: p.version,
        meetingId: null,
        lead: 'fgw',
        cooperating,
        grade: 'city',
        gradeReason: '需市级统筹',
        opinion: '发改局牵头协调人才公寓。',
      });
    const refused = expectError(await dispatch(['tl']), 'INVALID');
    expect(refused.fields?.['cooperating.0']).toBeDefined();
    const d = await dispatch(['kjsw']);
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.clock!.dueDate).toBe(addWorkingDays(officialCalendar, '2026-03-02', 30));
  });

  it('refuses removing a row, a review unit changing level or going inactive, an outside party with accounts, bad codes', async () => {
    const base = await current();
    const fault = async (change: (s: Input<'problem.saveSettings'>) => void, field: string) => {
      const s = structuredClone(base);
      change(s);
      const e = expectError(await admin.session.call('problem.saveSettings', s), 'INVALID');
      expect(Object.keys(e.fields ?? {})).toContain(field);
    };
    const at = (code: string) => base.departments.findIndex((d) => d.code === code);
    await fault((s) => s.departments.splice(at('tl'), 1), 'departments');
    await fault((s) => (s.departments[at('yq')]!.kind = 'district'), `departments.${at('yq')}.kind`);
    await fault((s) => (s.departments[at('sp')]!.active = false), `departments.${at('sp')}.active`);
    await fault((s) => (s.departments[at('kjsw')]!.kind = 'outside'), `departments.${at('kjsw')}.kind`);
    await fault((s) => s.departments.push({ ...s.departments[0]!, code: 'Bad' }), `departments.${base.departments.length}.code`);
    await fault((s) => s.categories.push({ ...s.categories[0]! }), `categories.${base.categories.length}.code`);
    await fault((s) => s.categories.forEach((c) => (c.active = false)), 'categories');
    await fault((s) => (s.limits.city = 0), 'limits.city');
    expect(await current()).toEqual(base);

    // Only the administrator; the refusal is audited.
    expectError(await clerk.session.call('problem.saveSettings', base), 'FORBIDDEN');
    const denied = await t.query<{ action: string }>("SELECT action FROM audit_log WHERE outcome = 'denied' ORDER BY seq");
    expect(denied.at(-1)?.action).toBe('problem.saveSettings');
  });
});
