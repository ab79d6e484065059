import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDesk, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import type { Input } from '../../src/shared/contract';
import type { ProblemView } from '../../src/shared/contract/problems-views';
import { addWorkingDays, officialCalendar } from '../../src/shared/domain/calendar';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';

/**
 * Issue 11: enterprise problems through dispatch — graded, dispatched, reported on, re-assigned, solved, visited and
 * closed, with the blockage cause of every missed deadline; every refusal is a coded error and an audited denial.
 */

let t: TestDesk;
let clerk: TestUser; // sp: the coordinating department
let yq: TestUser;
let gh: TestUser;
let hb: TestUser;
let commissioner: TestUser; // an account of the science-and-commerce bureau

const CREDIT = creditCodeWithCheck('91320412MA1MXKJU6');
const denials = () =>
  t.query<{ action: string; actor_id: number | null; after: string }>(
    "SELECT action, actor_id, after FROM audit_log WHERE outcome = 'denied' ORDER BY seq",
  );
const audited = async (action: string) =>
  Number((await t.query<{ n: number | string }>("SELECT count(*) n FROM audit_log WHERE action = ? AND outcome = 'ok'", action))[0]!.n);

const createInput = (over: Partial<Input<'problem.create'>> = {}): Input<'problem.create'> => ({
  creditCode: CREDIT,
  firmName: '常州新材科技有限公司',
  filingId: null,
  title: '中试车间 10kV 供电线路只能入地敷设',
  request: '供电公司要求线路入地，造价高、工期长，请协调架空方案。',
  source: 'commissioner',
  category: 'utilities',
  attachments: [],
  idempotencyKey: newKey('problem'),
  ...over,
});

async function newProblem(): Promise<ProblemView> {
  return commissioner.session.ok('problem.create', createInput());
}

const dispatchInput = (p: ProblemView, over: Partial<Input<'problem.dispatch'>> = {}): Input<'problem.dispatch'> => ({
  problemId: p.id,
  version: p.version,
  meetingId: null,
  lead: 'yq',
  cooperating: ['gdgs'],
  grade: 'city',
  gradeReason: '',
  opinion: '园区牵头，会同供电公司和铁路管理单位现场踏勘，比选架空租赁方案。',
  ...over,
});

beforeEach(async () => {
  t = await createTestDesk();
  const admin = await t.setupAdmin();
  clerk = await t.clerk();
  yq = await t.createUser('reviewer', 'yq');
  gh = await t.createUser('reviewer', 'gh');
  hb = await t.createUser('reviewer', 'hb');
  commissioner = await t.createUser('observer');
  await admin.session.ok('problem.setDepartment', { userId: commissioner.id, department: 'kjsw' });
});
afterEach(() => t.close());

describe('entering a problem', () => {
  it("any department's account enters one; an account without a department is refused and audited", async () => {
    const p = await newProblem();
    expect(p).toMatchObject({ state: 'new', createdDept: 'kjsw', lead: null, clock: null, source: 'commissioner' });
    expect(p.problemNo).toMatch(/^SQ2026\d{5}$/);
    const admin = await t.setupAdmin();
    expectError(await admin.session.call('problem.create', createInput()), 'FORBIDDEN');
    expect((await denials()).at(-1)).toMatchObject({ action: 'problem.create', actor_id: admin.id });
  });

  it('checks the credit code and the category, and links the firm to its filing', async () => {
    const bad = expectError(
      await commissioner.session.call(
        'problem.create',
        createInput({ creditCode: CREDIT.slice(0, 17) + (CREDIT.endsWith('0') ? '1' : '0') }),
      ),
      'INVALID',
    );
    expect(bad.fields?.creditCode).toBeTruthy();
    expectError(await commissioner.session.call('problem.create', createInput({ category: 'nosuch' })), 'INVALID');
    const filing = await t.acceptedFiling();
    const p = await commissioner.session.ok('problem.create', createInput({ creditCode: filing.fields.applicant.creditCode }));
    expect(p.filingId).toBe(filing.id);
  });

  it('a retry with the same key enters it once', async () => {
    const input = createInput();
    const a = await commissioner.session.ok('problem.create', input);
    const b = await commissioner.session.ok('problem.create', input);
    expect(b.id).toBe(a.id);
    expect(await audited('problem.create')).toBe(1);
  });
});

describe('dispatch', () => {
  it('only the coordinating department dispatches; the refusal is audited', async () => {
    const p = await newProblem();
    const err = expectError(await yq.session.call('problem.dispatch', dispatchInput(p)), 'FORBIDDEN');
    expect(err.message).toMatch(/coordinating/);
    expect((await denials()).at(-1)).toMatchObject({ action: 'problem.dispatch', actor_id: yq.id });
  });

  it('suggests the grade; an override needs a reason; the deadline follows the grade in working days', async () => {
    const p = await newProblem();
    // The power company is an outside party: city level. Choosing district without a reason is refused.
    const err = expectError(await clerk.session.call('problem.dispatch', dispatchInput(p, { grade: 'district' })), 'INVALID');
    expect(Object.keys(err.fields ?? {})).toEqual(['gradeReason']);
    const d = await clerk.session.ok('problem.dispatch', dispatchInput(p));
    expect(d).toMatchObject({ state: 'dispatched', lead: 'yq', cooperating: ['gdgs'], grade: 'city', suggestedGrade: 'city' });
    expect(d.clock?.dueDate).toBe(addWorkingDays(officialCalendar, t.clock.today(), 40));
    const park = await clerk.session.ok(
      'problem.dispatch',
      dispatchInput(await newProblem(), { cooperating: [], grade: 'district', gradeReason: '涉及区级规划调整' }),
    );
    expect(park).toMatchObject({ grade: 'district', suggestedGrade: 'park', gradeReason: '涉及区级规划调整' });
    expect(park.clock?.dueDate).toBe(addWorkingDays(officialCalendar, t.clock.today(), 20));
  });

  it('refuses a stale version, a lead that co-operates, an unknown department and a second dispatch', async () => {
    const p = await newProblem();
    expectError(await clerk.session.call('problem.dispatch', dispatchInput(p, { version: p.version + 1 })), 'STALE');
    expectError(await clerk.session.call('problem.dispatch', dispatchInput(p, { cooperating: ['yq'] })), 'INVALID');
    expectError(await clerk.session.call('problem.dispatch', dispatchInput(p, { lead: 'nosuch' })), 'INVALID');
    const d = await clerk.session.ok('problem.dispatch', dispatchInput(p));
    expectError(await clerk.session.call('problem.dispatch', dispatchInput(d)), 'CONFLICT');
  });

  it('at an assignment meeting: only a problem on the open meeting’s agenda', async () => {
    const [a, b] = [await newProblem(), await newProblem()];
    const meeting = await clerk.session.ok('problem.meetingCreate', {
      date: '2026-03-04',
      time: '09:30',
      place: '区政务服务中心三楼会议室',
      agenda: [a.id],
      idempotencyKey: newKey('pm'),
    });
    expect(meeting.state).toBe('scheduled');
    expect((await clerk.session.ok('problem.meetingAgenda', { meetingId: meeting.id })).map((r) => r.id)).toEqual([a.id]);
    expectError(await clerk.session.call('problem.dispatch', dispatchInput(b, { meetingId: meeting.id })), 'FORBIDDEN');
    const d = await clerk.session.ok('problem.dispatch', dispatchInput(a, { meetingId: meeting.id }));
    expect(d.assignments[0]).toMatchObject({ meetingId: meeting.id, lead: 'yq' });
    expectError(
      await yq.session.call('problem.meetingCreate', {
        date: '2026-03-04',
        time: '09:30',
        place: 'x',
        agenda: [b.id],
        idempotencyKey: newKey('pm'),
      }),
      'FORBIDDEN',
    );
  });
});

describe('progress, hand-over, solution, return visit', () => {
  let p: ProblemView;
  beforeEach(async () => {
    p = await clerk.session.ok('problem.dispatch', dispatchInput(await newProblem(), { cooperating: ['gh', 'gdgs'] }));
  });

  it('the lead reports progress; co-units add notes; a stranger is refused and audited', async () => {
    expectError(await gh.session.call('problem.report', { problemId: p.id, kind: 'progress', text: '已踏勘' }), 'FORBIDDEN');
    expectError(await hb.session.call('problem.report', { problemId: p.id, kind: 'note', text: '知悉' }), 'FORBIDDEN');
    expect((await denials()).map((d) => d.action)).toEqual(['problem.report', 'problem.report']);
    await yq.session.ok('problem.report', { problemId: p.id, kind: 'progress', text: '已会同供电公司现场踏勘。' });
    const v = await gh.session.ok('problem.report', { problemId: p.id, kind: 'note', text: '规划条件允许架空线路走廊。' });
    expect(v.reports.map((r) => [r.kind, r.department])).toEqual([
      ['progress', 'yq'],
      ['note', 'gh'],
    ]);
  });

  it('a missing weekly report reminds, then turns the problem yellow; a report clears it', async () => {
    t.clock.advance({ days: 7 }); // the next Monday: the weekly report is due today
    let v = await clerk.session.ok('problem.get', { problemId: p.id });
    expect(v.clock).toMatchObject({ report: 'reminder', level: 'ok' });
    t.clock.advance({ days: 1 });
    v = await clerk.session.ok('problem.get', { problemId: p.id });
    expect(v.clock).toMatchObject({ report: 'late', level: 'yellow' });
    v = await yq.session.ok('problem.report', { problemId: p.id, kind: 'progress', text: '方案比选中。' });
    expect(v.clock).toMatchObject({ report: 'ok', level: 'ok' });
  });

  it('only the desk re-assigns; the map shows the hand-over; past the deadline a cause is required', async () => {
    const body = {
      problemId: p.id,
      version: p.version,
      lead: 'gh',
      cooperating: ['yq'],
      reason: '需调整用地规划，改由规划分局牵头',
      blockage: null,
    };
    expectError(await yq.session.call('problem.reassign', body), 'FORBIDDEN');
    const v = await clerk.session.ok('problem.reassign', body);
    expect(v).toMatchObject({ lead: 'gh', cooperating: ['yq'], reassignCount: 1 });
    expect(v.assignments.map((a) => [a.lead, a.to === null])).toEqual([
      ['yq', false],
      ['gh', true],
    ]);
    const map = await clerk.session.ok('problem.trajectory', { problemId: p.id });
    expect(map.lanes).toEqual(expect.arrayContaining(['kjsw', 'sp', 'yq', 'gh']));
    expect(map.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['problem.created', 'problem.dispatched', 'problem.handover']));
    expect(map.summary).toMatchObject({ state: 'dispatched', holder: 'gh', reasonKey: 'pr.map.why.working' });
    // 40 working days later, handing over again needs the blockage cause.
    t.clock.advance({ days: 70 });
    const again = { ...body, version: v.version, lead: 'yq', cooperating: [] };
    const err = expectError(await clerk.session.call('problem.reassign', again), 'INVALID');
    expect(err.fields?.blockage).toBeTruthy();
    await clerk.session.ok('problem.reassign', {
      ...again,
      blockage: { class: 'mechanism', unit: null, text: '架空线路跨铁路审批无牵头部门' },
    });
  });

  it('the clock pauses while waiting for the firm, and solving waits for it to resume', async () => {
    expectError(await hb.session.call('problem.pause', { problemId: p.id, version: p.version, pause: true, reason: 'x' }), 'FORBIDDEN');
    let v = await yq.session.ok('problem.pause', { problemId: p.id, version: p.version, pause: true, reason: '等待企业确认线路走向' });
    expect(v.clock?.paused).toBe(true);
    const due = p.clock!.dueDate;
    t.clock.advance({ days: 14 });
    expectError(await yq.session.call('problem.resolve', { problemId: p.id, version: v.version, text: 'x', blockage: null }), 'INVALID');
    v = await yq.session.ok('problem.pause', { problemId: p.id, version: v.version, pause: false, reason: '企业已确认' });
    expect(v.clock?.paused).toBe(false);
    expect(v.clock!.dueDate > due).toBe(true);
    const map = await clerk.session.ok('problem.trajectory', { problemId: p.id });
    expect(map.lanes).toContain('firm');
  });

  it('solved past the deadline names the cause; only a satisfied visit by the desk closes; unsatisfied reopens', async () => {
    t.clock.advance({ days: 70 });
    const solve = { problemId: p.id, version: p.version, text: '改为租用铁路沿线架空线路，费用减半。' };
    expectError(await gh.session.call('problem.resolve', { ...solve, blockage: null }), 'FORBIDDEN');
    expectError(await yq.session.call('problem.resolve', { ...solve, blockage: null }), 'INVALID');
    const noUnit = expectError(
      await yq.session.call('problem.resolve', { ...solve, blockage: { class: 'unit', unit: null, text: '规划核实超期' } }),
      'INVALID',
    );
    expect(noUnit.fields?.blockage).toBeTruthy();
    let v = await yq.session.ok('problem.resolve', { ...solve, blockage: { class: 'unit', unit: 'gh', text: '规划条件核实超期' } });
    expect(v.state).toBe('solved');
    expectError(await yq.session.call('problem.visit', { problemId: p.id, version: v.version, satisfied: true, notes: 'x' }), 'FORBIDDEN');
    v = await clerk.session.ok('problem.visit', { problemId: p.id, version: v.version, satisfied: false, notes: '企业反映租金条款未落实' });
    expect(v).toMatchObject({ state: 'dispatched', unsatisfiedCount: 1 });
    expect(v.reports.map((r) => r.kind)).toEqual(['solved']); // reopened with its history
    v = await yq.session.ok('problem.resolve', { problemId: p.id, version: v.version, text: '租金条款已签订。', blockage: null });
    v = await clerk.session.ok('problem.visit', { problemId: p.id, version: v.version, satisfied: true, notes: '企业满意' });
    expect(v).toMatchObject({ state: 'closed', clock: null });
    expect(v.closedAt).not.toBeNull();
    expectError(await yq.session.call('problem.report', { problemId: p.id, kind: 'progress', text: 'x' }), 'CONFLICT');
    const map = await clerk.session.ok('problem.trajectory', { problemId: p.id });
    expect(map.summary).toMatchObject({ state: 'closed', holder: null, causeClass: 'unit', reasonKey: 'pr.map.why.closed' });
    expect(map.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['problem.reopened', 'problem.closed', 'problem.blockage']));
    expect(await audited('problem.visit')).toBe(2);
  });

  it('an extension is the desk’s, with its cause', async () => {
    const ext = {
      problemId: p.id,
      version: p.version,
      days: 10,
      blockage: { class: 'outside' as const, unit: null, text: '供电公司年度计划已排满' },
    };
    expectError(await yq.session.call('problem.extend', ext), 'FORBIDDEN');
    const v = await clerk.session.ok('problem.extend', ext);
    expect(v.clock!.dueDate).toBe(addWorkingDays(officialCalendar, p.clock!.dueDate, 10));
    expect(v.blockages).toMatchObject([{ trigger: 'extend', class: 'outside', unit: null }]);
  });
});

describe('common blockages', () => {
  it('counts causes, solve times, overdue, re-assignments and unsatisfied visits, and drills down to the problems', async () => {
    const a = await clerk.session.ok('problem.dispatch', dispatchInput(await newProblem()));
    const b = await clerk.session.ok(
      'problem.dispatch',
      dispatchInput(await newProblem(), { lead: 'gh', cooperating: [], grade: 'district' }),
    );
    await clerk.session.ok('problem.reassign', {
      problemId: b.id,
      version: b.version,
      lead: 'yq',
      cooperating: [],
      reason: '改由园区牵头',
      blockage: null,
    });
    t.clock.advance({ days: 70 });
    let v = await yq.session.ok('problem.resolve', {
      problemId: a.id,
      version: a.version,
      text: '已解决',
      blockage: { class: 'unit', unit: 'gh', text: '规划核实超期' },
    });
    v = await clerk.session.ok('problem.visit', { problemId: a.id, version: v.version, satisfied: false, notes: '未落实' });
    v = await yq.session.ok('problem.resolve', { problemId: a.id, version: v.version, text: '已落实', blockage: null });
    await clerk.session.ok('problem.visit', { problemId: a.id, version: v.version, satisfied: true, notes: '满意' });

    const view = await commissioner.session.ok('problem.blockages', {});
    expect(view.total).toBe(2);
    expect(view.causes).toEqual([{ category: 'utilities', class: 'unit', unit: 'gh', n: 1 }]);
    expect(view.solveDays).toHaveLength(1);
    expect(view.solveDays[0]).toMatchObject({ category: 'utilities', grade: 'city', n: 1 });
    expect(view.solveDays[0]!.median).toBeGreaterThan(40);
    expect(view.overdueByLead).toEqual([{ key: 'yq', n: 1 }]);
    expect(view.reassignments).toEqual([{ key: 'utilities', n: 1 }]);
    expect(view.unsatisfiedVisits).toBe(1);

    const drill = (over: Partial<Input<'problem.list'>>, who = commissioner) =>
      who.session.ok('problem.list', {
        states: [],
        lead: null,
        category: null,
        grade: null,
        causeClass: null,
        causeUnit: null,
        overdueOnly: false,
        reassignedOnly: false,
        unsatisfiedOnly: false,
        mineOnly: false,
        offset: 0,
        limit: 50,
        ...over,
      });
    expect((await drill({ causeClass: 'unit', causeUnit: 'gh' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await drill({ overdueOnly: true })).rows.map((r) => [r.id, r.level])).toEqual([[b.id, 'red']]);
    expect((await drill({ reassignedOnly: true })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await drill({ unsatisfiedOnly: true })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await drill({ mineOnly: true }, yq)).total).toBe(2);
    expect((await drill({ mineOnly: true }, hb)).total).toBe(0);
  });
});

describe('export', () => {
  it('writes the problems to CSV and XLSX with the rest, with their cause and lead unit by name', async () => {
    const p = await clerk.session.ok('problem.dispatch', dispatchInput(await newProblem()));
    await clerk.session.ok('problem.extend', {
      problemId: p.id,
      version: p.version,
      days: 5,
      blockage: { class: 'legacy', unit: null, text: '线路走廊历史上未纳入规划' },
    });
    await newProblem();
    const csv = await commissioner.session.ok('export.create', { kind: 'problems', format: 'csv' });
    expect(csv.rows).toBe(2);
    const text = readFileSync(join(t.dir, 'exports', `${csv.id}.csv`), 'utf8');
    expect(text).toContain('"诉求编号"');
    expect(text).toContain('"化工园区管委会"');
    expect(text).toContain('"历史遗留"');
    expect(text).toContain('"待交办"');
    const xlsx = await commissioner.session.ok('export.create', { kind: 'problems', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(t.dir, 'exports', `${xlsx.id}.xlsx`));
    const sheet = book.getWorksheet('企业诉求')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(8).value).toBe('化工园区管委会');
  });
});

describe('departments', () => {
  it('only the admin assigns an account to a department; outside parties hold none', async () => {
    const admin = await t.setupAdmin();
    expectError(await clerk.session.call('problem.setDepartment', { userId: gh.id, department: 'kjsw' }), 'FORBIDDEN');
    expectError(await admin.session.call('problem.setDepartment', { userId: gh.id, department: 'gdgs' }), 'FORBIDDEN');
    const s = await commissioner.session.ok('problem.settings', {});
    expect(s.myDepartment).toBe('kjsw');
    expect(s.departments.filter((d) => d.reviewUnit).map((d) => d.code)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    expect(s.policy).toMatchObject({ coordinator: 'sp', limits: { park: 10, district: 20, city: 40 }, reportEveryDays: 7 });
    // The review units keep their sections: a reviewer's department is its unit.
    expect((await gh.session.ok('problem.settings', {})).myDepartment).toBe('gh');
  });
});
