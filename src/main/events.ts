import type { Trx } from './db/connection';
import type { Ctx } from './services';
import { insertEvent } from './db/filings';

/** Records one step of a filing's path (the trajectory map's events), by the acting user, at the request's time. */
export const recordEvent = (trx: Trx, ctx: Ctx, filingId: number, kind: string, detail?: unknown) =>
  insertEvent(trx, {
    filingId,
    at: ctx.now.toISOString(),
    kind,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? null,
    unit: ctx.actor?.unit ?? null,
    detail,
  });
