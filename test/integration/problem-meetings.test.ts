import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, expectOk, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { pdfText } from '../helpers/pdf-text';
import type { Input } from '../../src/shared/contract';
import type { ProblemView } from '../../src/shared/contract/problems-views';
import type { MeetingView } from '../../src/shared/contract/meetings';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';
import { displayDate } from '../../src/main/pdf/format';

/**
 * Issue 11: an assignment meeting reuses the joint session — the same shared-screen position the audience window
 * follows, attendance (here by any department, by name) and minutes filed with the meeting as a PDF that lists each
 * problem with its lead unit, co-units, deadline and next-step opinion.
 */

let t: TestDesk;
let clerk: TestUser;
let yq: TestUser;
let commissioner: TestUser;
let a: ProblemView;
let b: ProblemView;
let meeting: MeetingView;

const CREDIT = creditCodeWithCheck('91320412MA1MXKJU6');
const problemInput = (title: string): Input<'problem.create'> => ({
  creditCode: CREDIT,
  firmName: '常州新材科技有限公司',
  filingId: null,
  title,
  request: '请协调解决。',
  source: 'commissioner',
  category: 'utilities',
  attachments: [],
  idempotencyKey: newKey('problem'),
});
const OPINION = '园区牵头，会同供电公司现场踏勘，十个工作日内比选架空方案。';
const audits = (action: string) =>
  t.query<{ actor_id: number; after: string }>(
    "SELECT actor_id, after FROM audit_log WHERE action = ? AND outcome = 'ok' ORDER BY seq",
    action,
  );

beforeEach(async () => {
  t = await createTestDesk();
  const admin = await t.setupAdmin();
  clerk = await t.clerk();
  yq = await t.createUser('reviewer', 'yq');
  commissioner = await t.createUser('observer');
  await admin.session.ok('problem.setDepartment', { userId: commissioner.id, department: 'kjsw' });
  a = await commissioner.session.ok('problem.create', problemInput('中试车间 10kV 供电线路只能入地敷设'));
  b = await commissioner.session.ok('problem.create', problemInput('危废暂存间用地指标不足'));
  meeting = await clerk.session.ok('problem.meetingCreate', {
    date: '2026-03-04',
    time: '09:30',
    place: '区政务服务中心三楼会议室',
    agenda: [a.id, b.id],
    idempotencyKey: newKey('pm'),
  });
});
afterEach(() => t.close());

describe('assignment meeting on the shared screen', () => {
  it('moves the shared screen through the problems on its agenda, and no further', async () => {
    const moved = await clerk.session.ok('meeting.setCursor', { meetingId: meeting.id, position: 1, focusUnit: null });
    expect(moved.cursor).toBe(1);
    // The audience window reads the same meeting.
    expect((await yq.session.ok('meeting.get', { meetingId: meeting.id })).cursor).toBe(1);
    expectError(await clerk.session.call('meeting.setCursor', { meetingId: meeting.id, position: 2, focusUnit: null }), 'INVALID');
    expectError(await yq.session.call('meeting.setCursor', { meetingId: meeting.id, position: 0, focusUnit: null }), 'FORBIDDEN');
  });
});

describe('attendance by department', () => {
  it('records who came for which department, any department, audited; only the clerk, only known departments', async () => {
    await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: ['王建国', '李敏'] });
    const list = await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'gdgs', people: ['供电公司张工'] });
    expect(list).toEqual([
      { department: 'gdgs', people: ['供电公司张工'] },
      { department: 'yq', people: ['王建国', '李敏'] },
    ]);
    // Replacing a department's list, and an empty list takes it off.
    await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: ['王建国'] });
    await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'gdgs', people: [] });
    expect(await yq.session.ok('problem.meetingAttendance', { meetingId: meeting.id })).toEqual([{ department: 'yq', people: ['王建国'] }]);
    expect((await audits('problem.setAttendance')).map((r) => JSON.parse(r.after))).toEqual([
      { department: 'yq', people: ['王建国', '李敏'] },
      { department: 'gdgs', people: ['供电公司张工'] },
      { department: 'yq', people: ['王建国'] },
      { department: 'gdgs', people: [] },
    ]);

    expectError(await yq.session.call('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: ['x'] }), 'FORBIDDEN');
    const bad = expectError(
      await clerk.session.call('problem.setAttendance', { meetingId: meeting.id, department: 'nosuch', people: ['x'] }),
      'INVALID',
    );
    expect(bad.fields?.department).toBeDefined();
    expectError(
      await clerk.session.call('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: ['x', 'x'] }),
      'INVALID',
    );
  });
});

describe('closing into minutes', () => {
  it('files minutes listing each problem with lead unit, co-units, deadline and next-step opinion; then the meeting is a record', async () => {
    await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: ['王建国'] });
    await clerk.session.ok('problem.setAttendance', { meetingId: meeting.id, department: 'gdgs', people: ['供电公司张工'] });
    const d = await clerk.session.ok('problem.dispatch', {
      problemId: a.id,
      version: a.version,
      meetingId: meeting.id,
      lead: 'yq',
      cooperating: ['gdgs', 'gh'],
      grade: 'city',
      gradeReason: '',
      opinion: OPINION,
    });
    // The joint session's own closing would file joint-review minutes: refused for an assignment meeting.
    const current = await clerk.session.ok('meeting.get', { meetingId: meeting.id });
    expectError(await clerk.session.call('meeting.close', { meetingId: meeting.id, version: current.version, notes: [] }), 'CONFLICT');
    expectError(await yq.session.call('problem.meetingClose', { meetingId: meeting.id, version: current.version }), 'FORBIDDEN');
    expectError(await clerk.session.call('problem.meetingClose', { meetingId: meeting.id, version: current.version - 1 }), 'STALE');

    const closed = await clerk.session.ok('problem.meetingClose', { meetingId: meeting.id, version: current.version });
    expect(closed.state).toBe('closed');
    expect(closed.minutes?.bytes).toBeGreaterThan(1000);
    expect((await audits('problem.meetingClose'))[0]?.actor_id).toBe(clerk.id);

    const pdf = expectOk(
      await t.desk.files('minutes', String(meeting.id), { connectionId: commissioner.session.connectionId, lang: 'en' }),
    );
    expect(pdf.mime).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    for (const needle of [
      '企业问题交办会会议纪要',
      '区政务服务中心三楼会议室',
      '化工园区管委会',
      '王建国',
      '国网供电公司',
      '供电公司张工',
      '自然资源和规划分局',
      '市级',
      displayDate(d.clock!.dueDate),
      `下步工作意见：${OPINION}`,
      a.problemNo,
      a.title.replace(/\s/g, ''),
      b.problemNo,
      '本次会议未交办',
    ])
      expect(text).toContain(needle);

    // A closed meeting is a record: attendance, the screen and closing again are refused, and SQL holds the list.
    expectError(await clerk.session.call('problem.setAttendance', { meetingId: meeting.id, department: 'yq', people: [] }), 'CONFLICT');
    expectError(await clerk.session.call('meeting.setCursor', { meetingId: meeting.id, position: 0, focusUnit: null }), 'CONFLICT');
    expectError(await clerk.session.call('problem.meetingClose', { meetingId: meeting.id, version: closed.version }), 'CONFLICT');
    await expect(t.query('DELETE FROM problem_meeting_attendance WHERE meeting_id = ?', meeting.id)).rejects.toThrow(/closed meeting/);
  });
});
