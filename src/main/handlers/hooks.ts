import type { Trx } from '../db/connection';
import type { Ctx } from '../services';
import { loadSettings } from '../db/settings';
import { requireFiling } from '../filings/view';
import { openFirstRound, refreshStaleness } from '../review/rounds';

/**
 * Seams where the joint-review area joins the filing lifecycle, inside the same transaction:
 * accepting a filing opens review round 1; a change to facts or materials may turn signed decisions stale.
 */
export async function afterAcceptance(trx: Trx, ctx: Ctx, filingId: number): Promise<void> {
  await openFirstRound(trx, ctx, filingId);
}

export async function afterFactsChanged(trx: Trx, ctx: Ctx, filingId: number): Promise<void> {
  const filing = await requireFiling(trx, filingId);
  await refreshStaleness(trx, ctx, filing, await loadSettings(trx));
}
