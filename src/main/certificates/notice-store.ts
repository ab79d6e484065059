/**
 * Every notice the desk issues is kept with the filing as issued (domain §5): rendered once after the decision that
 * produces it, stored with its SHA-256, and served from the store from then on — so a correction notice stays on file
 * after the applicant resubmits, and a later change to the record never changes a notice already issued.
 */
import { createHash } from 'node:crypto';
import type { IssuedNotice, NoticeKind } from '../../shared/contract/certificates';
import { DeskError } from '../../shared/result';
import type { Db } from '../db/connection';
import type { FilingRecord } from '../db/filings';
import type { RoundRecord } from '../db/review';
import { insertNotice, issuedNotices, noticePdf, type IssuedNoticeRow } from '../db/notices';
import { loadSettings } from '../db/settings';
import { requireFiling } from '../filings/view';
import { write, type Ctx } from '../services';
import { noticeFilename, noticeOccasions, renderNotice } from './notices';

/**
 * Renders and stores the notices the filing's decisions produce that are not on file yet. Called after each
 * decision's transaction (rendering stays outside it; a bulk load skips this), and by readers, so a notice whose
 * storing was interrupted, made by a bulk load, or whose decision predates kept notices, is stored the first time
 * anyone asks for it. A damaged store only reads.
 */
export async function issueNotices(
  ctx: Ctx,
  filingId: number,
  after: 'decision' | 'read' = 'read',
  known?: { filing: FilingRecord; rounds: RoundRecord[] },
): Promise<void> {
  const { db, health } = ctx.services.store;
  if (!health.ok || (after === 'decision' && ctx.lazyNotices)) return;
  const filing = known?.filing ?? (await requireFiling(db, filingId));
  const occasions = await noticeOccasions(db, filing, known?.rounds);
  // Most filings in review produce none yet: then there is nothing stored to compare with.
  if (occasions.length === 0) return;
  const stored = await issuedNotices(db, filingId);
  const missing = occasions.filter((o) => !stored.some((s) => s.kind === o.kind && s.occasion === o.occasion));
  if (missing.length === 0) return;
  const settings = await loadSettings(db);
  for (const o of missing) {
    const pdf = await renderNotice(db, filing, o, settings);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const filename = noticeFilename(filing, o);
    await write(ctx, async ({ trx, audit }) => {
      const row = { filingId, kind: o.kind, occasion: o.occasion, decidedAt: o.decidedAt, issuedAt: ctx.now.toISOString() };
      if (await insertNotice(trx, { ...row, filename, sha256, pdf }))
        await audit({ action: 'notice.issue', target: `filing:${filingId}`, after: { kind: o.kind, occasion: o.occasion, sha256 } });
    });
  }
}

const toView = (r: IssuedNoticeRow): IssuedNotice => ({
  id: r.id,
  kind: r.kind as NoticeKind,
  decidedAt: r.decidedAt,
  issuedAt: r.issuedAt,
  filename: r.filename,
});

/** The filing's issued notices as stored, newest first. */
export async function storedNotices(db: Db, filingId: number): Promise<IssuedNotice[]> {
  return (await issuedNotices(db, filingId)).map(toView).reverse();
}

/** The latest issued notice of a kind; CONFLICT when the filing's decisions never produced one. */
export async function latestNotice(ctx: Ctx, filingId: number, kind: NoticeKind): Promise<IssuedNotice> {
  await issueNotices(ctx, filingId);
  const found = (await storedNotices(ctx.services.store.db, filingId)).find((n) => n.kind === kind);
  if (!found) throw new DeskError('CONFLICT', 'cert.noNotice');
  return found;
}

/** The stored PDF of an issued notice, exactly as issued. */
export async function storedNotice(db: Db, id: number) {
  return noticePdf(db, id);
}
