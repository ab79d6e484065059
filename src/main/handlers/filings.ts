import { recordEvent } from '../events';
import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { EDITABLE_STATES } from '../../shared/domain/states';
import { requireTransition } from '../../shared/domain/transitions';
import { storedMessage } from '../../shared/i18n/stored';
import { evaluateAcceptance, acceptancePreview } from '../../shared/domain/acceptance';
import { issueNotices } from '../certificates/notice-store';
import { submissionProblems } from '../../shared/domain/submission';
import { addWorkingDays, officialCalendar } from '../../shared/domain/calendar';
import type { Trx } from '../db/connection';
import { todayOf, emit, write, writeOnce, type Ctx } from '../services';
import { loadSettings } from '../db/settings';
import { bumpVersion, getAttachment, insertAttachment, insertFiling, nextFilingNo, setMaterial } from '../db/filings';
import { insertTrackedItem, refreshNextItemDue } from '../db/tracked-items';
import { listFilings } from '../db/filing-list';
import { readAttachment, withUploads } from '../attachments';
import type { FileRoutes } from '../host/files';
import { buildView, materialStatuses, requireFiling } from '../filings/view';
import { afterAcceptance, afterFactsChanged } from './hooks';

/** Loads the filing inside the write and checks the caller's version: the later of two saves gets STALE with the current data. */
async function lockFiling(trx: Trx, ctx: Ctx, id: number, version: number) {
  const f = await requireFiling(trx, id);
  if (f.version !== version) throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildView(trx, id, todayOf(ctx)));
  return f;
}

async function bump(trx: Trx, ctx: Ctx, id: number, version: number, set: Parameters<typeof bumpVersion>[4] = {}) {
  if (!(await bumpVersion(trx, id, version, ctx.now.toISOString(), set)))
    throw new DeskError('STALE', 'err.STALE', {}, undefined, await buildView(trx, id, todayOf(ctx)));
}

function requireEditable(state: string) {
  if (!(EDITABLE_STATES as readonly string[]).includes(state)) throw new DeskError('CONFLICT', 'filing.notEditable', { state });
}

const changed = (ctx: Ctx, filingId: number, version: number) => {
  emit(ctx.services, 'filing.changed', { filingId, version });
  emit(ctx.services, 'inbox.changed', { units: [] });
};

const create: Handler<'filing.create'> = async (input, ctx) => {
  const settings = await loadSettings(ctx.services.store.db);
  const id = await write(ctx, async ({ trx, audit }) => {
    const filingNo = await nextFilingNo(trx, Number(todayOf(ctx).slice(0, 4)));
    const id = await insertFiling(trx, {
      filingNo,
      fields: input.fields,
      createdBy: ctx.actor!.id,
      now: ctx.now.toISOString(),
      materialCodes: settings.materialTypes.map((t) => t.code),
      isDemo: ctx.actor!.isDemo,
    });
    await recordEvent(trx, ctx, id, 'created');
    await audit({ action: 'filing.create', target: `filing:${id}`, after: { filingNo, fields: input.fields } });
    return id;
  });
  const view = await buildView(ctx.services.store.db, id, todayOf(ctx), settings);
  changed(ctx, id, view.version);
  return view;
};

const update: Handler<'filing.update'> = async (input, ctx) => {
  await write(ctx, async ({ trx, audit }) => {
    const before = await lockFiling(trx, ctx, input.id, input.version);
    requireEditable(before.state);
    await bump(trx, ctx, input.id, input.version, { fields: input.fields });
    await afterFactsChanged(trx, ctx, input.id);
    await audit({ action: 'filing.update', target: `filing:${input.id}`, before: before.fields, after: input.fields });
  });
  const view = await buildView(ctx.services.store.db, input.id, todayOf(ctx));
  changed(ctx, input.id, view.version);
  return view;
};

const get: Handler<'filing.get'> = (input, ctx) => buildView(ctx.services.store.db, input.id, todayOf(ctx));

const list: Handler<'filing.list'> = (input, ctx) => listFilings(ctx.services.store.db, input, todayOf(ctx));

const submit: Handler<'filing.submit'> = async (input, ctx) => {
  const settings = await loadSettings(ctx.services.store.db);
  await write(ctx, async ({ trx, audit }) => {
    const f = await lockFiling(trx, ctx, input.id, input.version);
    const to = requireTransition(ctx.actor, f.state, 'submit', 'filing.notSubmittable');
    const problems = submissionProblems(f.fields, settings);
    if (Object.keys(problems).length) throw new DeskError('INVALID', 'filing.incomplete', {}, problems);
    const today = todayOf(ctx);
    await bump(trx, ctx, input.id, input.version, {
      state: to,
      step: 'acceptance',
      due_date: addWorkingDays(officialCalendar, today, settings.timeLimits.acceptanceDays),
      submitted_at: f.submittedAt ?? ctx.now.toISOString(),
      waiting_units: ',sp,',
    });
    await recordEvent(trx, ctx, input.id, f.state === 'draft' ? 'submitted' : 'resubmitted');
    await audit({ action: 'filing.submit', target: `filing:${input.id}`, before: { state: f.state }, after: { state: to } });
  });
  const view = await buildView(ctx.services.store.db, input.id, todayOf(ctx), settings);
  changed(ctx, input.id, view.version);
  return view;
};

const setMaterialState: Handler<'material.setState'> = async (input, ctx) => {
  const settings = await loadSettings(ctx.services.store.db);
  if (!settings.materialTypes.some((t) => t.code === input.code))
    throw new DeskError('INVALID', 'err.INVALID', {}, { code: { key: 'v.choice' } });
  await write(ctx, async ({ trx, audit }) => {
    const f = await lockFiling(trx, ctx, input.filingId, input.version);
    requireEditable(f.state);
    await setMaterial(trx, input.filingId, input.code, input.state, input.note, ctx.now.toISOString());
    await bump(trx, ctx, input.filingId, input.version);
    await afterFactsChanged(trx, ctx, input.filingId);
    await audit({
      action: 'material.setState',
      target: `filing:${input.filingId}`,
      after: { code: input.code, state: input.state, note: input.note },
    });
  });
  const view = await buildView(ctx.services.store.db, input.filingId, todayOf(ctx), settings);
  changed(ctx, input.filingId, view.version);
  return view;
};

const attach: Handler<'material.attach'> = async (input, ctx) => {
  const settings = await loadSettings(ctx.services.store.db);
  if (!settings.materialTypes.some((t) => t.code === input.code))
    throw new DeskError('INVALID', 'err.INVALID', {}, { code: { key: 'v.choice' } });
  // Bytes staged first (durable), moved under their content address only once the row committed.
  const uploads = [{ file: input.file, field: 'file' }];
  await withUploads(ctx.services.store.dataDir, uploads, ([file]) =>
    write(ctx, async ({ trx, audit }) => {
      const { sha256, mime, size } = file!;
      const f = await lockFiling(trx, ctx, input.filingId, input.version);
      requireEditable(f.state);
      const now = ctx.now.toISOString();
      await insertAttachment(trx, {
        filingId: input.filingId,
        code: input.code,
        sha256,
        name: input.file.name,
        mime,
        size,
        now,
        by: ctx.actor!.id,
      });
      await setMaterial(trx, input.filingId, input.code, 'present', '', now);
      await bump(trx, ctx, input.filingId, input.version);
      await afterFactsChanged(trx, ctx, input.filingId);
      await audit({
        action: 'material.attach',
        target: `filing:${input.filingId}`,
        after: { code: input.code, name: input.file.name, sha256, size, mime },
      });
    }),
  );
  const view = await buildView(ctx.services.store.db, input.filingId, todayOf(ctx), settings);
  changed(ctx, input.filingId, view.version);
  return view;
};

const decide: Handler<'acceptance.decide'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await loadSettings(db);
  const today = todayOf(ctx);
  const { filingId } = await writeOnce(ctx, async ({ trx, audit }) => {
    const f = await lockFiling(trx, ctx, input.filingId, input.version);
    const nextState = requireTransition(ctx.actor, f.state, input.decision, 'acceptance.notSubmitted');
    const materials = await materialStatuses(trx, input.filingId);
    const verdict = evaluateAcceptance({ fields: f.fields, materials, settings, request: input, today, calendar: officialCalendar });
    if (!verdict.ok) {
      const fields = Object.fromEntries(
        verdict.problems.map((p, i) => [
          p.materialCode ? `materials.${p.materialCode}` : `decision.${i}`,
          { key: p.key, params: p.params },
        ]),
      );
      throw new DeskError('INVALID', verdict.problems[0]!.key, verdict.problems[0]!.params ?? {}, fields);
    }
    const acceptance = {
      decision: input.decision,
      reason: input.reason,
      corrections: input.corrections,
      decidedBy: ctx.actor!.displayName,
      decidedAt: ctx.now.toISOString(),
    };
    const now = ctx.now.toISOString();
    const accepted = input.decision === 'accept' || input.decision === 'conditional';
    for (const item of verdict.items)
      await insertTrackedItem(trx, {
        filingId: f.id,
        kind: 'material',
        materialCode: item.materialCode,
        text: storedMessage(item.title.key, item.title.params),
        verifyingUnit: item.verifyingUnit,
        dueDate: item.dueDate,
        blocks: settings.conditionalPolicy === 'lock' ? 'lock' : 'hold',
        now,
      });
    await bump(trx, ctx, f.id, input.version, {
      state: nextState,
      acceptance,
      conditional: input.decision === 'conditional',
      step: accepted ? 'review' : null,
      due_date: accepted ? verdict.reviewDueDate : null,
      waiting_units: '',
    });
    await refreshNextItemDue(trx, f.id);
    await recordEvent(trx, ctx, f.id, `acceptance.${input.decision}`, {
      reason: input.reason,
      corrections: input.corrections,
      items: verdict.items,
      // A deadline typed onto a holiday is recorded on the next working day, and the record says it moved.
      moved: verdict.moved ?? [],
    });
    if (accepted) await afterAcceptance(trx, ctx, f.id);
    await audit({
      action: 'acceptance.decide',
      target: `filing:${f.id}`,
      before: { state: f.state },
      after: { state: nextState, ...acceptance, items: verdict.items, moved: verdict.moved ?? [] },
    });
    return { filingId: f.id };
  });
  // Conditional acceptance, correction and non-acceptance each issue a notice, kept with the filing as issued.
  await issueNotices(ctx, filingId, 'decision');
  const view = await buildView(db, filingId, today, settings);
  changed(ctx, filingId, view.version);
  return view;
};

const preview: Handler<'acceptance.preview'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const f = await requireFiling(db, input.filingId);
  const settings = await loadSettings(db);
  return acceptancePreview({
    fields: f.fields,
    materials: await materialStatuses(db, f.id),
    settings,
    today: todayOf(ctx),
    calendar: officialCalendar,
  });
};

export const filingsHandlers = {
  'filing.create': create,
  'filing.update': update,
  'filing.get': get,
  'filing.list': list,
  'filing.submit': submit,
  'material.setState': setMaterialState,
  'material.attach': attach,
  'acceptance.decide': decide,
  'acceptance.preview': preview,
};

export const filingFiles: FileRoutes = {
  /** Attachments open in the browser (PDF, images) or download (OFD); every signed-in user may read the record. */
  attachment: {
    access: 'user',
    async serve(id, ctx) {
      const row = await getAttachment(ctx.services.store.db, Number(id));
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
