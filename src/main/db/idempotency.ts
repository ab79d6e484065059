import type { Db, Trx } from './connection';

type Q = Db | Trx;

/**
 * A write that carries an idempotency key records its key in the same transaction as its effect, so a retry
 * after a crash between commit and reply finds the key and returns the original outcome instead of acting twice.
 */
export async function findIdempotent<T>(db: Q, key: string, channel: string, actorId: number | null): Promise<T | null> {
  const row = await db.selectFrom('idempotency').select(['channel', 'actor_id', 'result']).where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  // The same key from another actor or channel is not a retry; treat it as a conflict rather than leak a result.
  if (row.channel !== channel || row.actor_id !== actorId) return null;
  return JSON.parse(row.result) as T;
}

export async function keyTaken(db: Q, key: string): Promise<boolean> {
  return (await db.selectFrom('idempotency').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function recordIdempotent(
  trx: Q,
  key: string,
  channel: string,
  actorId: number | null,
  result: unknown,
  now: string,
): Promise<void> {
  await trx
    .insertInto('idempotency')
    .values({ key, channel, actor_id: actorId, result: JSON.stringify(result), created_at: now })
    .execute();
}
