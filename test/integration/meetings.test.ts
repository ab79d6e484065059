import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDesk,
  decisionInput,
  expectError,
  expectOk,
  newKey,
  reviewersByUnit,
  type TestDesk,
  type TestUser,
} from '../helpers/desk';
import type { Input } from '../../src/shared/contract';
import { translate } from '../../src/shared/i18n';
import type { FilingView } from '../../src/shared/contract/filings';
import type { MeetingView } from '../../src/shared/contract/meetings';
import type { UnitCode } from '../../src/shared/domain/units';
import { displayDate } from '../../src/main/pdf/format';
import { toIsoDate } from '../../src/shared/domain/calendar';

/**
 * Issue 5: joint review sessions. The host (a clerk) runs the shared screen; each unit's reviewer confirms their own
 * decision there with their own password, and the decision is theirs — in the filing and in the audit.
 */

let t: TestDesk;
let clerk: TestUser;
let reviewers: Record<UnitCode, TestUser>;
let filings: FilingView[];
let meeting: MeetingView;

const audit = () =>
  t.query<{
    seq: number;
    actor_id: number | null;
    actor_name: string | null;
    action: string;
    target: string | null;
    outcome: string;
    after: string | null;
  }>('SELECT seq, actor_id, actor_name, action, target, outcome, after FROM audit_log ORDER BY seq');
const decisionRows = (filingId: number) =>
  t.query<{
    section: string;
    decided_by: number;
    confirmed_via: string;
    meeting_id: number | null;
  }>('SELECT section, decided_by, confirmed_via, meeting_id FROM decisions WHERE filing_id = ? ORDER BY id', filingId);

async function confirm(
  unit: UnitCode,
  filing: FilingView,
  decision: Parameters<typeof decisionInput>[2],
  opts: { as?: TestUser; password?: string } = {},
) {
  const review = await clerk.session.ok('review.get', { filingId: filing.id });
  const input: Input<'meeting.confirmDecision'> = {
    meetingId: meeting.id,
    decision: decisionInput(review, unit, decision),
    reviewerUsername: (opts.as ?? reviewers[unit]).username,
    password: opts.password ?? (opts.as ?? reviewers[unit]).password,
  };
  return clerk.session.call('meeting.confirmDecision', input);
}

beforeEach(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
  reviewers = await reviewersByUnit(t);
  filings = [await t.acceptedFiling(), await t.acceptedFiling({ conditional: true }), await t.acceptedFiling()];
  meeting = await clerk.session.ok('meeting.create', {
    date: '2026-03-04',
    time: '09:30',
    place: '政务服务中心三楼联审会议室',
    agenda: filings.map((f) => f.id),
    units: ['yj', 'hb', 'gh', 'sp', 'yq'],
    idempotencyKey: newKey('meeting'),
  });
});
afterEach(() => t.close());

describe('scheduling', () => {
  it('creates a meeting with its agenda in order, hosted by the signed-in clerk, and audits it', async () => {
    expect(meeting.hostId).toBe(clerk.id);
    expect(meeting.agenda.map((a) => a.filingId)).toEqual(filings.map((f) => f.id));
    expect(meeting.state).toBe('scheduled');
    expect(meeting.attendance.map((a) => a.unit)).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
    const entry = (await audit()).find((e) => e.action === 'meeting.create');
    expect(entry?.actor_id).toBe(clerk.id);
    expect(await reviewers.yj.session.ok('meeting.list', {})).toEqual([
      expect.objectContaining({ id: meeting.id, agendaCount: 3, state: 'scheduled' }),
    ]);
  });

  it('refuses filings not in review, and refuses non-clerks', async () => {
    const draft = await t.newSubmittedFiling();
    const r = await clerk.session.call('meeting.create', {
      date: '2026-03-05',
      time: '14:00',
      place: '会议室',
      agenda: [filings[0]!.id, draft.id],
      units: ['yj'],
      idempotencyKey: newKey(),
    });
    expect(expectError(r, 'INVALID').fields?.['agenda.1']).toBe(translate('en', 'mt.agendaNotInReview', { filingNo: draft.filingNo }));
    expectError(
      await reviewers.yj.session.call('meeting.create', {
        date: '2026-03-05',
        time: '14:00',
        place: '会议室',
        agenda: [filings[0]!.id],
        units: ['yj'],
        idempotencyKey: newKey(),
      }),
      'FORBIDDEN',
    );
  });

  it('records attendance by reviewer account, only reviewers of that unit', async () => {
    const v = await clerk.session.ok('meeting.setAttendance', { meetingId: meeting.id, unit: 'yj', userIds: [reviewers.yj.id] });
    expect(v.attendance.find((a) => a.unit === 'yj')!.attendees).toEqual([
      { userId: reviewers.yj.id, username: reviewers.yj.username, displayName: 'reviewer-yj 1' },
    ]);
    const wrong = expectError(
      await clerk.session.call('meeting.setAttendance', { meetingId: meeting.id, unit: 'hb', userIds: [reviewers.yj.id] }),
      'INVALID',
    );
    expect(wrong.fields?.['userIds.0']).toBe(translate('en', 'mt.notUnitReviewer'));
    expect((await audit()).filter((e) => e.action === 'meeting.setAttendance')).toHaveLength(1);
    // The database refuses a stranger as attendee, whatever the code path.
    await expect(
      t.query('INSERT INTO meeting_attendance (meeting_id, unit, user_id) VALUES (?, ?, ?)', meeting.id, 'hb', reviewers.yj.id),
    ).rejects.toThrow(/FORBIDDEN/);
  });

  it('keeps the shared screen position server-side and announces it', async () => {
    const seen: unknown[] = [];
    t.desk.services.events.on('desk-event', (event: string, payload: unknown) => event === 'meeting.changed' && seen.push(payload));
    const v = await clerk.session.ok('meeting.setCursor', { meetingId: meeting.id, position: 2, focusUnit: 'hb' });
    expect([v.cursor, v.focusUnit]).toEqual([2, 'hb']);
    expect((await reviewers.sp.session.ok('meeting.get', { meetingId: meeting.id })).cursor).toBe(2);
    expect(seen).toEqual([{ meetingId: meeting.id }]);
    expectError(await clerk.session.call('meeting.setCursor', { meetingId: meeting.id, position: 3, focusUnit: null }), 'INVALID');
  });
});

describe('deciding at the table', () => {
  it('attributes a decision confirmed at the table to the confirming reviewer, not the host', async () => {
    const view = expectOk(await confirm('yj', filings[0]!, 'approveWithConditions'));
    const section = view.sections.find((s) => s.section === 'yj')!.current!;
    expect(section.decidedById).toBe(reviewers.yj.id);
    expect(section.confirmedVia).toBe('session');
    expect(section.meetingId).toBe(meeting.id);
    expect(await decisionRows(filings[0]!.id)).toEqual([
      { section: 'yj', decided_by: reviewers.yj.id, confirmed_via: 'session', meeting_id: meeting.id },
    ]);

    const entry = (await audit()).find((e) => e.action === 'review.decide')!;
    expect(entry.actor_id).toBe(reviewers.yj.id);
    expect(entry.actor_id).not.toBe(clerk.id);
    const after = JSON.parse(entry.after!) as { decidedBy: number; via: string; host: { id: number }; meetingId: number };
    expect(after).toMatchObject({ decidedBy: reviewers.yj.id, via: 'session', host: { id: clerk.id }, meetingId: meeting.id });
    // Confirming at the table is the reviewer's proof of presence.
    const m = await clerk.session.ok('meeting.get', { meetingId: meeting.id });
    expect(m.attendance.find((a) => a.unit === 'yj')!.attendees.map((a) => a.userId)).toEqual([reviewers.yj.id]);
  });

  it('refuses a wrong password beside the password field, audits the failed step-up and decides nothing', async () => {
    const before = (await audit()).length;
    const error = expectError(await confirm('hb', filings[0]!, 'approve', { password: 'not-the-password' }), 'INVALID');
    expect(error.fields?.password).toBe(translate('en', 'mt.stepUp.bad'));
    expect(await decisionRows(filings[0]!.id)).toEqual([]);
    const entries = (await audit()).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'meeting.stepUp',
      outcome: 'failed',
      actor_id: clerk.id,
      target: `user:${reviewers.hb.id}`,
    });
    const review = await clerk.session.ok('review.get', { filingId: filings[0]!.id });
    expect(review.sections.find((s) => s.section === 'hb')!.current).toBeNull();
    // An unknown reviewer name is refused the same way.
    expect(
      expectError(await confirm('hb', filings[0]!, 'approve', { as: { ...reviewers.hb, username: 'nobody-here' } }), 'INVALID').fields
        ?.password,
    ).toBe(translate('en', 'mt.stepUp.bad'));
  });

  it('slows down repeated wrong passwords exactly as logins do, and the right one still works afterwards', async () => {
    for (let i = 0; i < 3; i++) expectError(await confirm('gh', filings[0]!, 'approve', { password: `wrong-${i}-password` }), 'INVALID');
    // After three failures the account waits (5 s), at the table as at the login screen.
    const limited = expectError(await confirm('gh', filings[0]!, 'approve'), 'RATE_LIMITED');
    expect(limited.fields?.password).toBe(translate('en', 'mt.stepUp.wait', { seconds: limited.fields!.password!.match(/\d+/)![0] }));
    // It is the same counter: the login screen waits too.
    expectError(
      await t.anonymous().call('auth.login', { username: reviewers.gh.username, password: reviewers.gh.password }),
      'RATE_LIMITED',
    );
    t.clock.advance({ minutes: 1 });
    expectOk(await confirm('gh', filings[0]!, 'approve'));
    const rows = await t.query('SELECT failures FROM login_throttle WHERE key = ?', `user:${reviewers.gh.username}`);
    expect(rows).toEqual([]);
  });

  it('refuses a reviewer of another unit confirming a section not theirs, and audits it', async () => {
    const error = expectError(await confirm('yj', filings[0]!, 'approve', { as: reviewers.hb }), 'FORBIDDEN');
    expect(error.fields?.reviewerUsername).toBe(translate('en', 'mt.notTheirSection', { section: 'yj' }));
    expect(await decisionRows(filings[0]!.id)).toEqual([]);
    const denied = (await audit()).filter((e) => e.outcome === 'denied' && e.action === 'meeting.confirmDecision');
    expect(denied.some((e) => e.actor_id === reviewers.hb.id && JSON.parse(e.after!).host.id === clerk.id)).toBe(true);
    // Nor can the host, an observer or the admin confirm with their own passwords.
    const observer = await t.createUser('observer');
    expectError(await confirm('yj', filings[0]!, 'approve', { as: clerk }), 'FORBIDDEN');
    expectError(await confirm('yj', filings[0]!, 'approve', { as: observer }), 'FORBIDDEN');
    expectError(await confirm('yj', filings[0]!, 'approve', { as: await t.setupAdmin() }), 'FORBIDDEN');
    // Only the host's clerk session drives the table.
    expectError(
      await reviewers.yj.session.call('meeting.confirmDecision', {
        meetingId: meeting.id,
        decision: decisionInput(await clerk.session.ok('review.get', { filingId: filings[0]!.id }), 'yj', 'approve'),
        reviewerUsername: reviewers.yj.username,
        password: reviewers.yj.password,
      }),
      'FORBIDDEN',
    );
    expect(await decisionRows(filings[0]!.id)).toEqual([]);
  });

  it('refuses a filing that is not on the agenda, and a session decision forged in the database', async () => {
    const other = await t.acceptedFiling();
    expectError(await confirm('yj', other, 'approve'), 'CONFLICT');
    const sql = `INSERT INTO decisions (filing_id, round, section, decision, opinion, not_involved_reason, checklist, conditions, decided_by, decided_by_name, decided_at, confirmed_via, meeting_id, filing_version, facts_hash, facts)
      VALUES (?, 1, 'yj', 'approve', '', '', '[]', '[]', ?, 'x', '2026-03-02T02:00:00Z', 'session', ?, 1, 'h', '{}')`;
    await expect(t.query(sql, other.id, reviewers.yj.id, meeting.id)).rejects.toThrow(/FORBIDDEN/);
  });

  it('keeps the ordinary review rules: a decision on an old version is STALE', async () => {
    const review = await clerk.session.ok('review.get', { filingId: filings[0]!.id });
    expectOk(await confirm('yj', filings[0]!, 'approve'));
    const r = await clerk.session.call('meeting.confirmDecision', {
      meetingId: meeting.id,
      decision: decisionInput(review, 'hb', 'approve'),
      reviewerUsername: reviewers.hb.username,
      password: reviewers.hb.password,
    });
    expectError(r, 'STALE');
  });
});

describe('closing with minutes', () => {
  it('closes a session into minutes that list every decision (by whom, how), conditions, absent units and next steps', async () => {
    await clerk.session.ok('meeting.setAttendance', { meetingId: meeting.id, unit: 'gh', userIds: [] });
    for (const u of ['yj', 'hb', 'sp', 'yq'] as const)
      expectOk(await confirm(u, filings[0]!, u === 'yj' ? 'approveWithConditions' : 'approve'));
    for (const u of ['yj', 'hb', 'sp', 'yq'] as const) expectOk(await confirm(u, filings[1]!, u === 'hb' ? 'revise' : 'approve'));
    // Planning was absent: it decides later from its own desk, and the session shows it as pending until then.
    const atDesk = (f: FilingView, d: 'approve' | 'notInvolved') =>
      reviewers.gh.session
        .ok('review.get', { filingId: f.id })
        .then((v) => reviewers.gh.session.ok('review.decide', decisionInput(v, 'gh', d)));
    expect((await atDesk(filings[0]!, 'approve')).state).toBe('approved');
    await atDesk(filings[2]!, 'notInvolved');

    const current = await clerk.session.ok('meeting.get', { meetingId: meeting.id });
    expect(current.attendance.find((a) => a.unit === 'gh')!.attendees).toEqual([]);
    expectError(await clerk.session.call('meeting.close', { meetingId: meeting.id, version: current.version - 1, notes: [] }), 'STALE');
    const closed = await clerk.session.ok('meeting.close', {
      meetingId: meeting.id,
      version: current.version,
      notes: [{ filingId: filings[2]!.id, text: '下次会议继续审查。' }],
    });
    expect(closed.state).toBe('closed');
    expect(closed.minutes?.bytes).toBeGreaterThan(1000);
    expect((await audit()).find((e) => e.action === 'meeting.close')?.actor_id).toBe(clerk.id);

    const pdf = expectOk(
      await t.desk.files('minutes', String(meeting.id), {
        connectionId: reviewers.hb.session.connectionId,
        lang: 'zh-CN',
      }),
    );
    expect(pdf.mime).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    for (const f of filings) expect(text).toContain(f.filingNo.replace(/\s/g, ''));
    for (const needle of [
      'yjcondition',
      'hbreviseopinion',
      'reviewer-yj1（会上确认）',
      'reviewer-gh1（本单位办理）',
      '缺席',
      '待定',
      '下次会议继续审查。',
      '应急管理局',
    ])
      expect(text).toContain(needle);
    // The minutes record when the session was held (started on the 2nd), not the planned date (the 4th).
    const held = toIsoDate(new Date(closed.startedAt!));
    expect(held).not.toBe(meeting.date);
    expect(text).toContain(`时间：${displayDate(held)}`);
    expect(text).not.toContain(displayDate(meeting.date));

    // A closed meeting is a record.
    expectError(await clerk.session.call('meeting.setCursor', { meetingId: meeting.id, position: 0, focusUnit: null }), 'CONFLICT');
    expectError(await confirm('yq', filings[2]!, 'approve'), 'CONFLICT');
    await expect(t.query('UPDATE meetings SET minutes_pdf = ? WHERE id = ?', Buffer.from([0]), meeting.id)).rejects.toThrow(
      /closed meeting/,
    );
    // Signed-out callers cannot read minutes.
    expect((await t.desk.files('minutes', String(meeting.id), { connectionId: 'nobody', lang: 'en' })).ok).toBe(false);
  });
});

/** Text of a PDF through poppler's pdftotext (installed on the CI image). */
function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-'));
  try {
    const file = join(dir, 'm.pdf');
    writeFileSync(file, bytes);
    // Table cells wrap anywhere, so compare without whitespace.
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
