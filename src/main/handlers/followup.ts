import type { Handler } from '../dispatch';
import { todayOf, emit, write, type Ctx } from '../services';
import { loadSettings } from '../db/settings';
import { followupAttachment, listItems } from '../db/followup';
import type { FileRoutes } from '../host/files';
import { readAttachment } from '../attachments';
import { addWorkingDays, officialCalendar } from '../../shared/domain/calendar';
import { requireFiling } from '../filings/view';
import { itemView, toFollowupItems } from '../followup/view';
import { endItem, supplyItem } from '../followup/items';
import { buildNotifications } from '../followup/reminders';
import { previewSweep, sweep } from '../followup/escalation';
import { closeRunPeriod, extendRunPeriod, runPeriodView } from '../followup/run-period';
import { withUploads } from '../attachments';
// Registers the demo loader's follow-up stage (breaches, extensions, closures on demo filings).

const changed = async (ctx: Ctx, filingId: number) => {
  emit(ctx.services, 'filing.changed', { filingId, version: (await requireFiling(ctx.services.store.db, filingId)).version });
  emit(ctx.services, 'notifications.changed', {});
};

const list: Handler<'followup.list'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await loadSettings(db);
  const today = todayOf(ctx);
  const until = input.alertOnly ? addWorkingDays(officialCalendar, today, Math.max(0, ...settings.timeLimits.reminderDays)) : null;
  const { total, rows } = await listItems(db, input, until);
  return { total, rows: await toFollowupItems(db, rows, today, settings) };
};

const supply: Handler<'followup.supply'> = async (input, ctx) => {
  const uploads = input.file ? [{ file: input.file, field: 'file' }] : [];
  const filingId = await withUploads(ctx.services.store.dataDir, uploads, ([paper]) =>
    write(ctx, (scope) => supplyItem(scope, ctx, input, paper ?? null)),
  );
  await changed(ctx, filingId);
  return itemView(ctx.services.store.db, input.itemId, todayOf(ctx), await loadSettings(ctx.services.store.db));
};

const verify: Handler<'followup.verify'> = async (input, ctx) => {
  const filingId = await write(ctx, (scope) => endItem(scope, ctx, input.itemId, 'closed', input.note));
  await changed(ctx, filingId);
  return itemView(ctx.services.store.db, input.itemId, todayOf(ctx), await loadSettings(ctx.services.store.db));
};

const notApplied: Handler<'followup.notApplied'> = async (input, ctx) => {
  const filingId = await write(ctx, (scope) => endItem(scope, ctx, input.itemId, 'notApplied', input.reason));
  await changed(ctx, filingId);
  return itemView(ctx.services.store.db, input.itemId, todayOf(ctx), await loadSettings(ctx.services.store.db));
};

const notifications: Handler<'followup.notifications'> = async (_input, ctx) => {
  const { db } = ctx.services.store;
  return buildNotifications(db, ctx.actor!, await loadSettings(db), todayOf(ctx));
};

const runPeriod: Handler<'followup.runPeriod'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  return runPeriodView(db, input.filingId, todayOf(ctx), await loadSettings(db));
};

const extend: Handler<'followup.extend'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const settings = await loadSettings(db);
  await write(ctx, (scope) => extendRunPeriod(scope, ctx, input, settings));
  await changed(ctx, input.filingId);
  return runPeriodView(db, input.filingId, todayOf(ctx), settings);
};

const close: Handler<'followup.close'> = async (input, ctx) => {
  const { db } = ctx.services.store;
  const uploads = [{ file: input.report, field: 'report' }];
  await withUploads(ctx.services.store.dataDir, uploads, ([report]) => write(ctx, (scope) => closeRunPeriod(scope, ctx, input, report!)));
  await changed(ctx, input.filingId);
  return runPeriodView(db, input.filingId, todayOf(ctx), await loadSettings(db));
};

export const followupHandlers = {
  'followup.list': list,
  'followup.supply': supply,
  'followup.verify': verify,
  'followup.notApplied': notApplied,
  'followup.notifications': notifications,
  'followup.sweep': ((input, ctx) => sweep(ctx, input.filingId, input.revoke)) as Handler<'followup.sweep'>,
  'followup.sweepPreview': ((input, ctx) => previewSweep(ctx, input.filingId)) as Handler<'followup.sweepPreview'>,
  'followup.runPeriod': runPeriod,
  'followup.extend': extend,
  'followup.close': close,
};

export const followupFiles: FileRoutes = {
  /** Papers supplied for items and closure reports: every signed-in user may read the shared record. */
  'followup-file': {
    access: 'user',
    async serve(id, ctx) {
      const a = /^\d+$/.test(id) ? await followupAttachment(ctx.services.store.db, Number(id)) : null;
      return a
        ? { bytes: readAttachment(ctx.services.store.dataDir, a.sha256), mime: a.mime, filename: a.name, disposition: 'inline' }
        : null;
    },
  },
};
