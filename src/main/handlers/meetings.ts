import { createHash } from 'node:crypto';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { todayOf, emit, write, writeOnce, type Ctx, type WriteScope } from '../services';
import { loadSettings } from '../db/settings';
import { issueNotices } from '../certificates/notice-store';
import { getFiling } from '../db/filings';
import { recordLoginResult } from '../db/users';
import {
  activeReviewerIds,
  addAttendee,
  bumpMeeting,
  getMinutes,
  insertMeeting,
  isAttending,
  listMeetings,
  moveCursor,
  setUnitAttendance,
} from '../db/meetings';
import { parseUnits } from '../db/review';
import { problemAgenda } from '../db/problems';
import { recordDecision } from '../review/decide';
import { buildReviewView } from '../review/view';
import { buildMeetingView, requireMeeting, requireOpen } from '../meetings/view';
import { stepUp } from '../meetings/step-up';
import { buildMinutesPdf } from '../meetings/minutes';
import type { FileRoutes } from '../host/files';
// Registers the demo loader's meeting stage (one scheduled session with three in-review demo filings).

const changed = (ctx: Ctx, meetingId: number) => emit(ctx.services, 'meeting.changed', { meetingId });

const stale = async (trx: Parameters<typeof buildMeetingView>[0], id: number) =>
  new DeskError('STALE', 'err.STALE', {}, undefined, await buildMeetingView(trx, id));

const create: Handler<'meeting.create'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const host = ctx.actor!;
  const { meetingId: id } = await writeOnce(ctx, async ({ trx, audit }) => {
    // Only filings still in joint review can be put before the table.
    const fields: Record<string, { key: string; params?: Record<string, string | number> }> = {};
    for (const [i, filingId] of input.agenda.entries()) {
      const f = await getFiling(trx, filingId);
      if (!f) fields[`agenda.${i}`] = { key: 'err.NOT_FOUND' };
      else if (f.state !== 'in_review') fields[`agenda.${i}`] = { key: 'mt.agendaNotInReview', params: { filingNo: f.filingNo } };
    }
    if (Object.keys(fields).length) throw new DeskError('INVALID', 'err.INVALID', {}, fields);
    const now = ctx.now.toISOString();
    const meetingId = await insertMeeting(trx, {
      date: input.date,
      time: input.time,
      place: input.place,
      hostId: host.id,
      hostName: host.displayName,
      units: input.units,
      agenda: input.agenda,
      now,
    });
    await audit({
      action: 'meeting.create',
      target: `meeting:${meetingId}`,
      after: { date: input.date, time: input.time, place: input.place, units: input.units, agenda: input.agenda },
    });
    return { meetingId };
  });
  changed(ctx, id);
  return buildMeetingView(db, id);
};

const get: Handler<'meeting.get'> = (input, ctx) => buildMeetingView(ctx.services.store.db, input.meetingId);

const list: Handler<'meeting.list'> = async (_input, ctx) =>
  (await listMeetings(ctx.services.store.db)).map((r) => ({
    id: r.id,
    date: r.date,
    time: r.time,
    place: r.place,
    hostName: r.host_name,
    state: r.state as 'scheduled' | 'closed',
    units: parseUnits(r.units),
    agendaCount: Number(r.agenda_count ?? 0),
    hasMinutes: Boolean(r.has_minutes),
  }));

const setAttendance: Handler<'meeting.setAttendance'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  await write(ctx, async ({ trx, audit }) => {
    const m = await requireMeeting(trx, input.meetingId);
    requireOpen(m);
    if (!m.units.includes(input.unit)) throw new DeskError('INVALID', 'err.INVALID', {}, { unit: { key: 'mt.unitNotInvited' } });
    const fields: Record<string, { key: string }> = {};
    const reviewers = await activeReviewerIds(trx, input.unit);
    input.userIds.forEach((u, i) => {
      if (!reviewers.includes(u)) fields[`userIds.${i}`] = { key: 'mt.notUnitReviewer' };
    });
    if (Object.keys(fields).length) throw new DeskError('INVALID', 'err.INVALID', {}, fields);
    const before = (await buildMeetingView(trx, m.id)).attendance.find((a) => a.unit === input.unit)?.attendees.map((a) => a.userId) ?? [];
    await setUnitAttendance(trx, m.id, input.unit, input.userIds);
    if (!(await bumpMeeting(trx, m.id, m.version))) throw await stale(trx, m.id);
    await audit({
      action: 'meeting.setAttendance',
      target: `meeting:${m.id}`,
      before: { unit: input.unit, userIds: before },
      after: { unit: input.unit, userIds: input.userIds },
    });
  });
  changed(ctx, input.meetingId);
  return buildMeetingView(db, input.meetingId);
};

/**
 * The shared screen's position is presentation state, not part of the record: moving it is not audited (every
 * arrow key would be an entry) and does not move the meeting's version. Opening the session the first time is.
 */
const setCursor: Handler<'meeting.setCursor'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  await write(ctx, async ({ trx, audit }) => {
    const m = await requireMeeting(trx, input.meetingId);
    requireOpen(m);
    // An assignment meeting's agenda is problems; the same screen moves through them.
    const agenda = (await buildMeetingView(trx, m.id)).agenda.length || (await problemAgenda(trx, m.id)).length;
    if (input.position >= agenda)
      throw new DeskError('INVALID', 'err.INVALID', {}, { position: { key: 'v.tooBig', params: { max: agenda - 1 } } });
    await moveCursor(trx, m.id, input.position, input.focusUnit);
    if (!m.startedAt) {
      if (!(await bumpMeeting(trx, m.id, m.version, { started_at: ctx.now.toISOString() }))) throw await stale(trx, m.id);
      await audit({ action: 'meeting.start', target: `meeting:${m.id}`, after: { startedAt: ctx.now.toISOString() } });
    }
  });
  changed(ctx, input.meetingId);
  return buildMeetingView(db, input.meetingId);
};

/**
 * Deciding at the table. The host's session sends it; the decision is made, recorded and audited in the name of the
 * reviewer who typed their password (decisions.decided_by and the audit actor), with the host noted beside it.
 * Every check of review.decide applies unchanged, because it is the same recordDecision.
 */
const confirmDecision: Handler<'meeting.confirmDecision'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const host = ctx.actor!;
  const d = input.decision;
  const meeting = await requireMeeting(db, input.meetingId);
  requireOpen(meeting);
  const view = await buildMeetingView(db, meeting.id);
  if (!view.agenda.some((a) => a.filingId === d.filingId)) throw new DeskError('CONFLICT', 'mt.notOnAgenda');
  if (!meeting.units.includes(d.section)) throw new DeskError('CONFLICT', 'mt.unitNotInvited');

  const { actor: reviewer, hadFailures } = await stepUp(ctx, input.reviewerUsername, input.password, {
    meetingId: meeting.id,
    filingId: d.filingId,
    section: d.section,
  });
  const hostNote = { id: host.id, name: host.displayName };
  const reviewerCtx: Ctx = { ...ctx, actor: reviewer };
  if (reviewer.role !== 'reviewer' || reviewer.unit !== d.section) {
    await write(reviewerCtx, ({ audit }) =>
      audit({
        action: 'meeting.confirmDecision',
        target: `filing:${d.filingId}`,
        outcome: 'denied',
        after: { reason: 'notYourSection', section: d.section, meetingId: meeting.id, host: hostNote },
      }),
    );
    throw new DeskError(
      'FORBIDDEN',
      'mt.notTheirSection',
      { section: d.section },
      { reviewerUsername: { key: 'mt.notTheirSection', params: { section: d.section } } },
    );
  }

  const settings = await loadSettings(db);
  const { filingId } = await writeOnce(reviewerCtx, async (scope) => {
    const { trx } = scope;
    const m = await requireMeeting(trx, meeting.id);
    requireOpen(m);
    // Typing their password at the table is the reviewer's proof of presence; the minutes list them as present.
    const attendanceAdded = !(await isAttending(trx, m.id, reviewer.id, d.section));
    if (attendanceAdded) await addAttendee(trx, m.id, d.section, reviewer.id);
    if (hadFailures) await recordLoginResult(trx, reviewer.id, false, 0, null, ctx.now.toISOString());
    const atTable: WriteScope = {
      trx,
      audit: (entry) =>
        scope.audit({ ...entry, after: { ...(entry.after as Record<string, unknown>), meetingId: m.id, host: hostNote, attendanceAdded } }),
    };
    await recordDecision(atTable, reviewerCtx, d, reviewer, { via: 'session', meetingId: m.id }, settings);
    if (!(await bumpMeeting(trx, m.id, m.version, m.startedAt ? {} : { started_at: ctx.now.toISOString() }))) throw await stale(trx, m.id);
    return { filingId: d.filingId };
  });
  await issueNotices(ctx, filingId, 'decision');
  const review = await buildReviewView(db, filingId);
  emit(ctx.services, 'filing.changed', { filingId, version: review.filingVersion });
  emit(ctx.services, 'inbox.changed', { units: [d.section] });
  changed(ctx, meeting.id);
  return review;
};

/** Closing files the minutes with the meeting, in the same transaction that closes it: there is no closed meeting without them. */
const close: Handler<'meeting.close'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await loadSettings(db);
  await write(ctx, async ({ trx, audit }) => {
    const m = await requireMeeting(trx, input.meetingId);
    requireOpen(m);
    if (m.version !== input.version) throw await stale(trx, m.id);
    // An assignment meeting closes into its own minutes (problem.meetingClose).
    if ((await problemAgenda(trx, m.id)).length) throw new DeskError('CONFLICT', 'pr.meeting.closeAsAssignment');
    const view = await buildMeetingView(trx, m.id);
    const fields: Record<string, { key: string }> = {};
    input.notes.forEach((n, i) => {
      if (!view.agenda.some((a) => a.filingId === n.filingId)) fields[`notes.${i}.filingId`] = { key: 'mt.notOnAgenda' };
    });
    if (Object.keys(fields).length) throw new DeskError('INVALID', 'err.INVALID', {}, fields);
    const notes = new Map(input.notes.map((n) => [n.filingId, n.text]));
    const pdf = await buildMinutesPdf(trx, view, settings, notes, todayOf(ctx));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const now = ctx.now.toISOString();
    if (
      !(await bumpMeeting(trx, m.id, m.version, {
        state: 'closed',
        closed_at: now,
        minutes_pdf: pdf,
        minutes_sha256: sha256,
        ...(m.startedAt ? {} : { started_at: now }),
      }))
    )
      throw await stale(trx, m.id);
    await audit({
      action: 'meeting.close',
      target: `meeting:${m.id}`,
      before: { state: m.state },
      after: { state: 'closed', minutesSha256: sha256, bytes: pdf.byteLength, notes: input.notes },
    });
  });
  changed(ctx, input.meetingId);
  return buildMeetingView(db, input.meetingId);
};

export const meetingsHandlers = {
  'meeting.create': create,
  'meeting.get': get,
  'meeting.list': list,
  'meeting.setAttendance': setAttendance,
  'meeting.setCursor': setCursor,
  'meeting.confirmDecision': confirmDecision,
  'meeting.close': close,
};

export const meetingFiles: FileRoutes = {
  /** `files/minutes/<meetingId>`: the filed minutes, exactly as stored at closing; everyone signed in may read them. */
  minutes: {
    access: 'user',
    async serve(id, ctx) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const minutes = await getMinutes(ctx.services.store.db, Number(id));
      if (!minutes) return null;
      return { bytes: minutes.pdf, mime: 'application/pdf', filename: `联审会议纪要-${minutes.date}-${id}.pdf`, disposition: 'inline' };
    },
  },
};
