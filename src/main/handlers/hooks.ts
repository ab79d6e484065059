import type { Ctx, Trx } from '../services';

/**
 * Seams where the joint-review area joins the filing lifecycle, inside the same transaction:
 * accepting a filing opens review round 1; a change to facts or materials may turn signed decisions stale.
 */
export async function afterAcceptance(_trx: Trx, _ctx: Ctx, _filingId: number): Promise<void> {}

export async function afterFactsChanged(_trx: Trx, _ctx: Ctx, _filingId: number): Promise<void> {}
