/**
 * The pilot's run period (domain §4, §9): from the planned start to the planned end, one extension of at most
 * settings.runPeriod.maxExtensionMonths (a new certificate is issued for it), and closure by dismantling or sealing
 * with a closure report, which ends the filing.
 */
import type { ParsedInput } from '../../shared/contract';
import type { RunPeriod } from '../../shared/contract/followup';
import type { Settings } from '../../shared/schemas/settings';
import { DeskError } from '../../shared/result';
import { addMonths, dayNumber } from '../../shared/domain/calendar';
import type { Db, Trx } from '../db/connection';
import { todayOf, type Ctx, type WriteScope } from '../services';
import { bumpVersion, insertAttachment } from '../db/filings';
import { getRunPeriod, recordClosure, recordExtension } from '../db/followup';
import { requireFiling } from '../filings/view';
import { reissueForExtension } from './certificate-link';
import { retireItems } from './items';
import { requireTransition, statesAllowing } from '../../shared/domain/transitions';
import { recordEvent } from '../events';
import { storedMessage } from '../../shared/i18n/stored';

export const CLOSURE_REPORT_CODE = 'closure-report';

export async function runPeriodView(db: Db | Trx, filingId: number, today: string, settings: Settings): Promise<RunPeriod> {
  const f = await requireFiling(db, filingId);
  const r = await getRunPeriod(db, filingId);
  const start = f.fields.project.plannedStart || null;
  const plannedEnd = f.fields.project.plannedEnd || null;
  const end = plannedEnd && r?.extension_months ? addMonths(plannedEnd, r.extension_months) : plannedEnd;
  return {
    filingId,
    filingState: f.state,
    version: f.version,
    start,
    plannedEnd,
    end,
    daysLeft: end ? dayNumber(end) - dayNumber(today) : null,
    extension: r?.extension_months
      ? { months: r.extension_months, reason: r.extension_reason ?? '', at: r.extended_at ?? '', by: r.extended_by ?? '' }
      : null,
    maxExtensionMonths: settings.runPeriod.maxExtensionMonths,
    closure:
      r?.closed_how && r.closure_attachment_id
        ? {
            how: r.closed_how as 'dismantled' | 'sealed',
            at: r.closed_at ?? '',
            by: r.closed_by ?? '',
            reportName: await reportName(db, r.closure_attachment_id),
            attachmentId: r.closure_attachment_id,
          }
        : null,
  };
}

async function reportName(db: Db | Trx, id: number): Promise<string> {
  return (await db.selectFrom('attachments').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

async function lockRegistered(trx: Trx, filingId: number, version: number, states: readonly string[]) {
  const f = await requireFiling(trx, filingId);
  if (f.version !== version) throw new DeskError('STALE', 'err.STALE');
  if (!states.includes(f.state)) throw new DeskError('CONFLICT', 'fu.notRegistered', { state: f.state });
  return f;
}

export async function extendRunPeriod(
  scope: WriteScope,
  ctx: Ctx,
  input: ParsedInput<'followup.extend'>,
  settings: Settings,
): Promise<void> {
  const { trx, audit } = scope;
  const max = settings.runPeriod.maxExtensionMonths;
  if (input.months > max)
    throw new DeskError('INVALID', 'fu.extensionTooLong', { max }, { months: { key: 'fu.extensionTooLong', params: { max } } });
  const f = await lockRegistered(trx, input.filingId, input.version, ['registered']);
  const prior = await getRunPeriod(trx, f.id);
  if (prior?.extension_months) throw new DeskError('CONFLICT', 'fu.alreadyExtended');
  const plannedEnd = f.fields.project.plannedEnd;
  if (!plannedEnd) throw new DeskError('CONFLICT', 'fu.noPlannedEnd');
  const to = addMonths(plannedEnd, input.months);
  const by = ctx.actor!.displayName;
  await recordExtension(trx, { filingId: f.id, months: input.months, reason: input.reason, at: ctx.now.toISOString(), by });
  const certificateId = await reissueForExtension(trx, ctx, f.id, to, storedMessage('fu.reason.extended', { to, reason: input.reason }));
  await recordEvent(trx, ctx, f.id, 'followup.extended', {
    months: input.months,
    from: plannedEnd,
    to,
    reason: input.reason,
    certificateId,
  });
  await audit({
    action: 'followup.extend',
    target: `filing:${f.id}`,
    before: { end: plannedEnd },
    after: { end: to, months: input.months, reason: input.reason, certificateId },
  });
}

export async function closeRunPeriod(
  scope: WriteScope,
  ctx: Ctx,
  input: ParsedInput<'followup.close'>,
  report: { sha256: string; mime: string; size: number; name: string },
): Promise<void> {
  const { trx, audit } = scope;
  const f = await lockRegistered(trx, input.filingId, input.version, statesAllowing('close'));
  const to = requireTransition(ctx.actor, f.state, 'close');
  const now = ctx.now.toISOString();
  const attachmentId = await insertAttachment(trx, {
    filingId: f.id,
    code: CLOSURE_REPORT_CODE,
    sha256: report.sha256,
    name: report.name,
    mime: report.mime,
    size: report.size,
    now,
    by: ctx.actor!.id,
  });
  await recordClosure(trx, { filingId: f.id, how: input.how, attachmentId, at: now, by: ctx.actor!.displayName });
  await retireItems(trx, ctx, f.id, storedMessage('fu.reason.closed'));
  if (!(await bumpVersion(trx, f.id, f.version, now, { state: to, step: null, due_date: null, waiting_units: '' })))
    throw new DeskError('STALE', 'err.STALE');
  await recordEvent(trx, ctx, f.id, 'followup.closed', { how: input.how, attachmentId, report: report.name, today: todayOf(ctx) });
  await audit({
    action: 'followup.close',
    target: `filing:${f.id}`,
    before: { state: f.state },
    after: { state: to, how: input.how, report: { name: report.name, sha256: report.sha256, size: report.size } },
  });
}
