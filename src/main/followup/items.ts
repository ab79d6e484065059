/**
 * Tracked items after acceptance (domain §9): the clerk records what the firm supplied, the verifying unit checks it
 * on a return visit and closes it (销号), or sets it not applied with a reason. Each runs in the caller's write.
 */
import { recordEvent } from '../events';
import type { Actor } from '../../shared/contract/auth';
import type { ParsedInput } from '../../shared/contract';
import { DeskError } from '../../shared/result';
import { FINAL_STATES } from '../../shared/domain/states';
import { suspensionLifts } from '../../shared/domain/follow-up';
import { dateOf } from '../review/clock';
import { storedMessage } from '../../shared/i18n/stored';
import type { Trx } from '../db/connection';
import { todayOf, type Ctx, type WriteScope } from '../services';
import { bumpVersion, insertAttachment } from '../db/filings';
import { refreshNextItemDue } from '../db/tracked-items';
import { endOpenItems, itemAttachmentCode, markEnded, markSupplied, openItemsOf } from '../db/followup';
import { requireFiling } from '../filings/view';
import { setRegistrationStatus } from './certificate-link';
import { requireItem } from './view';
import type { ItemRow } from '../db/followup';

/** Only a reviewer of the item's verifying unit checks and closes it (a database trigger stands behind this). */
export function requireVerifier(actor: Actor | null, item: ItemRow): asserts actor is Actor {
  if (!actor || actor.role !== 'reviewer' || actor.unit !== item.verifying_unit)
    throw new DeskError('FORBIDDEN', 'fu.notYourUnit', { unit: item.verifying_unit });
}

function requireLive(item: ItemRow) {
  if ((FINAL_STATES as readonly string[]).includes(item.filing_state))
    throw new DeskError('CONFLICT', 'fu.filingEnded', { state: item.filing_state });
  if (item.state === 'closed' || item.state === 'notApplied') throw new DeskError('CONFLICT', 'fu.itemEnded', { state: item.state });
}

const itemSummary = (item: ItemRow) => ({
  itemId: item.id,
  kind: item.kind,
  text: item.text,
  verifyingUnit: item.verifying_unit,
  dueDate: item.due_date,
});

export async function supplyItem(
  scope: WriteScope,
  ctx: Ctx,
  input: ParsedInput<'followup.supply'>,
  paper: { sha256: string; mime: string; size: number; name: string } | null,
): Promise<number> {
  const { trx, audit } = scope;
  const item = await requireItem(trx, input.itemId);
  requireLive(item);
  const now = ctx.now.toISOString();
  const attachmentId = paper
    ? await insertAttachment(trx, {
        filingId: item.filing_id,
        code: itemAttachmentCode(item.id),
        sha256: paper.sha256,
        name: paper.name,
        mime: paper.mime,
        size: paper.size,
        now,
        by: ctx.actor!.id,
      })
    : null;
  await markSupplied(trx, item.id, input.note, now);
  await recordEvent(trx, ctx, item.filing_id, 'followup.supplied', { ...itemSummary(item), note: input.note, attachmentId });
  await afterItemsChanged(trx, ctx, item.filing_id);
  await audit({
    action: 'followup.supply',
    target: `item:${item.id}`,
    before: { state: item.state },
    after: {
      state: 'supplied',
      note: input.note,
      paper: paper && { name: paper.name, sha256: paper.sha256, size: paper.size, mime: paper.mime },
    },
  });
  return item.filing_id;
}

export async function endItem(scope: WriteScope, ctx: Ctx, itemId: number, to: 'closed' | 'notApplied', note: string): Promise<number> {
  const { trx, audit } = scope;
  const item = await requireItem(trx, itemId);
  requireVerifier(ctx.actor, item);
  requireLive(item);
  // A missing paper is closed only once it has been supplied; a condition may be checked on the spot.
  if (to === 'closed' && item.kind === 'material' && item.state !== 'supplied') throw new DeskError('CONFLICT', 'fu.notSupplied');
  await markEnded(trx, item.id, to, note, ctx.now.toISOString(), ctx.actor.id);
  await recordEvent(trx, ctx, item.filing_id, to === 'closed' ? 'followup.verified' : 'followup.notApplied', {
    ...itemSummary(item),
    note,
  });
  await afterItemsChanged(trx, ctx, item.filing_id);
  await audit({
    action: to === 'closed' ? 'followup.verify' : 'followup.notApplied',
    target: `item:${item.id}`,
    before: { state: item.state },
    after: { state: to, note },
  });
  return item.filing_id;
}

/**
 * Keeps the filing in step with its items: the list's next-due column, a suspension lifted once every overdue item
 * is closed or set not applied by its unit (a supply alone does not lift it), and the hold lifted (trial operation may start) when the last item is closed. Always a new version, so
 * every open window reloads the filing.
 */
export async function afterItemsChanged(trx: Trx, ctx: Ctx, filingId: number): Promise<void> {
  await refreshNextItemDue(trx, filingId);
  const today = todayOf(ctx);
  const open = await openItemsOf(trx, filingId);
  let filing = await requireFiling(trx, filingId);
  const items = open.map((i) => ({ state: i.state, dueDate: i.due_date, suppliedOn: i.supplied_at ? dateOf(i.supplied_at) : null }));
  if (filing.state === 'suspended' && suspensionLifts(items, today)) {
    await setRegistrationStatus(trx, ctx, filingId, 'issued', storedMessage('fu.reason.cleared'));
    await recordEvent(trx, ctx, filingId, 'followup.reinstated', {});
    filing = await requireFiling(trx, filingId);
  }
  if (open.length === 0) await recordEvent(trx, ctx, filingId, 'followup.allClosed', { state: filing.state });
  if (!(await bumpVersion(trx, filingId, filing.version, ctx.now.toISOString()))) throw new DeskError('STALE', 'err.STALE');
}

/** A filing that ended (terminated, revoked, closed) owes nothing more: its open items are set not applied, with why. */
export async function retireItems(trx: Trx, ctx: Ctx, filingId: number, reason: string): Promise<void> {
  if (await endOpenItems(trx, filingId, reason, ctx.now.toISOString())) await refreshNextItemDue(trx, filingId);
}
