import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { emit, todayOf, write, writeOnce, type Ctx, type WriteScope } from '../services';
import { readAttachment, withUploads } from '../attachments';
import type { FileRoutes } from '../host/files';
import {
  departmentOf,
  getProblemAttachment,
  listCategories,
  listDepartments,
  loadPolicy,
  problemAgenda,
  problemHistory,
  setDepartment,
  insertProblemAgenda,
} from '../db/problems';
import { listProblems, pausesOf } from '../db/problems-queries';
import { insertMeeting } from '../db/meetings';
import { buildMeetingView } from '../meetings/view';
import { createProblem, dispatchProblem } from '../problems/intake';
import { extendProblem, pauseProblem, reassignProblem, reportProblem, resolveProblem, visitProblem } from '../problems/progress';
import { buildProblemView, clockOf, requireProblem, toPauses, toRow } from '../problems/view';
import { buildProblemTrajectory } from '../problems/trajectory';
import { buildBlockageView } from '../problems/blockages';
import { requireDepartments } from '../problems/guard';

/** Enterprise problems (domain §12): one thin handler per channel; the rules live in ../problems and the domain. */

const view = (ctx: Ctx, id: number) => buildProblemView(ctx.services.store.db, id, todayOf(ctx));

/** Runs one problem action in its own audited transaction and answers the problem as it now stands. */
async function act<I extends { problemId: number }>(ctx: Ctx, input: I, fn: (scope: WriteScope, ctx: Ctx, input: I) => Promise<void>) {
  await write(ctx, (scope) => fn(scope, ctx, input));
  return view(ctx, input.problemId);
}

const settings: Handler<'problem.settings'> = async (_input, ctx) => {
  const { db } = ctx.services.store;
  const [departments, categories, policy, myDepartment] = await Promise.all([
    listDepartments(db),
    listCategories(db),
    loadPolicy(db),
    departmentOf(db, ctx.actor),
  ]);
  return { departments, categories, policy, myDepartment };
};

const create: Handler<'problem.create'> = async (input, ctx) => {
  const uploads = input.attachments.map((file, i) => ({ file, field: `attachments.${i}` }));
  const { id } = await withUploads(ctx.services.store.dataDir, uploads, (files) =>
    writeOnce(ctx, async (scope) => ({ id: await createProblem(scope, ctx, input, files) })),
  );
  return view(ctx, id);
};

const list: Handler<'problem.list'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const today = todayOf(ctx);
  const [{ total, rows }, policy] = await Promise.all([listProblems(db, input, today, await departmentOf(db, ctx.actor)), loadPolicy(db)]);
  const pauses = await pausesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    rows: rows.map((r) => toRow(r, clockOf(r, toPauses(pauses.filter((x) => x.problem_id === r.id)), today, policy))),
  };
};

const trajectory: Handler<'problem.trajectory'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const p = await requireProblem(db, input.problemId);
  const [h, policy] = await Promise.all([problemHistory(db, p.id), loadPolicy(db)]);
  return buildProblemTrajectory(p, h, policy, ctx.now);
};

/** An assignment meeting: a joint session (the same shared screen, attendance and minutes) whose agenda is problems. */
const meetingCreate: Handler<'problem.meetingCreate'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const host = ctx.actor!;
  const { id } = await writeOnce(ctx, async ({ trx, audit }) => {
    const fields: Record<string, { key: string; params?: Record<string, string> }> = {};
    for (const [i, problemId] of input.agenda.entries()) {
      const p = await requireProblem(trx, problemId).catch(() => null);
      if (!p) fields[`agenda.${i}`] = { key: 'err.NOT_FOUND' };
      else if (p.state !== 'new') fields[`agenda.${i}`] = { key: 'pr.state.notNew', params: { state: p.state } };
    }
    if (Object.keys(fields).length) throw new DeskError('INVALID', 'err.INVALID', {}, fields);
    const now = ctx.now.toISOString();
    const meetingId = await insertMeeting(trx, {
      date: input.date,
      time: input.time,
      place: input.place,
      hostId: host.id,
      hostName: host.displayName,
      units: ['sp'],
      agenda: [],
      now,
    });
    await insertProblemAgenda(trx, meetingId, input.agenda);
    await audit({
      action: 'problem.meetingCreate',
      target: `meeting:${meetingId}`,
      after: { date: input.date, time: input.time, place: input.place, agenda: input.agenda },
    });
    return { id: meetingId };
  });
  return buildMeetingView(db, id);
};

const meetingAgenda: Handler<'problem.meetingAgenda'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const today = todayOf(ctx);
  const policy = await loadPolicy(db);
  const ids = await problemAgenda(db, input.meetingId);
  const rows = [];
  for (const id of ids) {
    const p = await requireProblem(db, id);
    const pauses = toPauses((await problemHistory(db, id)).pauses);
    rows.push(toRow(p, clockOf(p, pauses, today, policy)));
  }
  return rows;
};

const assignDepartment: Handler<'problem.setDepartment'> = async (input, ctx) => {
  await write(ctx, async ({ trx, audit }) => {
    if (input.department) await requireDepartments(trx, { department: input.department });
    await setDepartment(trx, input.userId, input.department);
    await audit({ action: 'problem.setDepartment', target: `user:${input.userId}`, after: { department: input.department } });
  });
  return { ok: true as const };
};

export const problemsHandlers = {
  'problem.settings': settings,
  'problem.create': create,
  'problem.dispatch': (async (input, ctx) => {
    const done = await act(ctx, input, dispatchProblem);
    // The meeting's shared screen and audience window show the assignment as soon as it is made.
    if (input.meetingId) emit(ctx.services, 'meeting.changed', { meetingId: input.meetingId });
    return done;
  }) as Handler<'problem.dispatch'>,
  'problem.report': ((input, ctx) => act(ctx, input, reportProblem)) as Handler<'problem.report'>,
  'problem.reassign': ((input, ctx) => act(ctx, input, reassignProblem)) as Handler<'problem.reassign'>,
  'problem.extend': ((input, ctx) => act(ctx, input, extendProblem)) as Handler<'problem.extend'>,
  'problem.pause': ((input, ctx) => act(ctx, input, pauseProblem)) as Handler<'problem.pause'>,
  'problem.resolve': ((input, ctx) => act(ctx, input, resolveProblem)) as Handler<'problem.resolve'>,
  'problem.visit': ((input, ctx) => act(ctx, input, visitProblem)) as Handler<'problem.visit'>,
  'problem.list': list,
  'problem.get': ((input, ctx) => view(ctx, input.problemId)) as Handler<'problem.get'>,
  'problem.trajectory': trajectory,
  'problem.blockages': ((_input, ctx) => buildBlockageView(ctx.services.store.db, todayOf(ctx))) as Handler<'problem.blockages'>,
  'problem.meetingCreate': meetingCreate,
  'problem.meetingAgenda': meetingAgenda,
  'problem.setDepartment': assignDepartment,
};

export const problemFiles: FileRoutes = {
  /** `files/problem-attachment/<id>`: a problem's attachment; whoever may read the problem (every signed-in user). */
  'problem-attachment': {
    access: 'user',
    async serve(id, ctx) {
      if (!/^\d{1,15}$/.test(id)) return null;
      const row = await getProblemAttachment(ctx.services.store.db, Number(id));
      if (!row) return null;
      return {
        bytes: readAttachment(ctx.services.store.dataDir, row.sha256),
        mime: row.mime,
        filename: row.name,
        disposition: row.mime === 'application/ofd' ? 'attachment' : 'inline',
      };
    },
  },
};
