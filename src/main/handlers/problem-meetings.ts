import { createHash } from 'node:crypto';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { emit, todayOf, write, type Ctx } from '../services';
import { loadSettings } from '../db/settings';
import { bumpMeeting } from '../db/meetings';
import { problemAgenda } from '../db/problems';
import { problemAttendance, setProblemAttendance } from '../db/problem-meetings';
import type { Trx } from '../db/connection';
import { buildMeetingView, requireMeeting, requireOpen } from '../meetings/view';
import { requireDepartments } from '../problems/guard';
import { buildAssignmentMinutes } from '../problems/meeting-minutes';

/**
 * Assignment meetings' own steps beside the joint session's (meeting.get and meeting.setCursor drive the same shared
 * screen and audience window): attendance by department, and closing into minutes filed with the meeting.
 */

const changed = (ctx: Ctx, meetingId: number) => emit(ctx.services, 'meeting.changed', { meetingId });

/** An open meeting whose agenda is problems; a joint-review session keeps its own attendance and minutes. */
async function requireAssignmentMeeting(trx: Trx, meetingId: number) {
  const m = await requireMeeting(trx, meetingId);
  requireOpen(m);
  const agenda = await problemAgenda(trx, m.id);
  if (agenda.length === 0) throw new DeskError('CONFLICT', 'pr.meeting.notAssignment');
  return { m, agenda };
}

const stale = async (trx: Trx, id: number) => new DeskError('STALE', 'err.STALE', {}, undefined, await buildMeetingView(trx, id));

const setAttendance: Handler<'problem.setAttendance'> = async (input, ctx) => {
  await write(ctx, async ({ trx, audit }) => {
    const { m } = await requireAssignmentMeeting(trx, input.meetingId);
    await requireDepartments(trx, { department: input.department });
    const before = (await problemAttendance(trx, m.id)).find((a) => a.department === input.department)?.people ?? [];
    await setProblemAttendance(trx, m.id, input.department, input.people);
    if (!(await bumpMeeting(trx, m.id, m.version))) throw await stale(trx, m.id);
    await audit({
      action: 'problem.setAttendance',
      target: `meeting:${m.id}`,
      before: { department: input.department, people: before },
      after: { department: input.department, people: input.people },
    });
  });
  changed(ctx, input.meetingId);
  return problemAttendance(ctx.services.store.db, input.meetingId);
};

/** Closing files the minutes with the meeting in the same transaction, as a joint session's closing does. */
const close: Handler<'problem.meetingClose'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await loadSettings(db);
  await write(ctx, async ({ trx, audit }) => {
    const { m, agenda } = await requireAssignmentMeeting(trx, input.meetingId);
    if (m.version !== input.version) throw await stale(trx, m.id);
    const now = ctx.now.toISOString();
    // The minutes say when it was held: a meeting closed without the shared screen ever opening started now.
    const view = { ...(await buildMeetingView(trx, m.id)), startedAt: m.startedAt ?? now, closedAt: now };
    const pdf = await buildAssignmentMinutes(trx, view, agenda, settings, todayOf(ctx));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const closing = { state: 'closed' as const, closed_at: now, minutes_pdf: pdf, minutes_sha256: sha256 };
    if (!(await bumpMeeting(trx, m.id, m.version, { ...closing, ...(m.startedAt ? {} : { started_at: now }) })))
      throw await stale(trx, m.id);
    await audit({
      action: 'problem.meetingClose',
      target: `meeting:${m.id}`,
      before: { state: m.state },
      after: { state: 'closed', minutesSha256: sha256, bytes: pdf.byteLength, agenda },
    });
  });
  changed(ctx, input.meetingId);
  return buildMeetingView(db, input.meetingId);
};

export const problemMeetingsHandlers = {
  'problem.meetingAttendance': ((input, ctx) =>
    problemAttendance(ctx.services.store.db, input.meetingId)) as Handler<'problem.meetingAttendance'>,
  'problem.setAttendance': setAttendance,
  'problem.meetingClose': close,
};
