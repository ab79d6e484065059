import type { Db, Trx } from './connection';

type Q = Db | Trx;

export interface IdempotencyRow {
  channel: string;
  actorId: number | null;
  /** The outcome the first attempt recorded, as JSON. */
  result: string;
}

/** The record of a key, whoever used it. */
export async function findKey(db: Q, key: string): Promise<IdempotencyRow | null> {
  const row = await db.selectFrom('idempotency').select(['channel', 'actor_id', 'result']).where('key', '=', key).executeTakeFirst();
  return row ? { channel: row.channel, actorId: row.actor_id, result: row.result } : null;
}

export async function recordKey(
  trx: Trx,
  key: string,
  channel: string,
  actorId: number | null,
  result: string,
  now: string,
): Promise<void> {
  await trx.insertInto('idempotency').values({ key, channel, actor_id: actorId, result, created_at: now }).execute();
}
