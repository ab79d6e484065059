import type { Db } from './connection';
import type { Trx } from './connection';

export interface ThrottleKey {
  key: string;
  /** Seconds to wait after this many failures (0 = no wait). */
  delay(failures: number): number;
}

/** `before`: each key's failures before this attempt. */
export type Reservation = { locked: false; before: number[] } | { locked: true; seconds: number };

/**
 * Reserves one login attempt against every key in one immediate transaction, before the slow password check:
 * the attempt counts as a failure until it proves otherwise, so twenty attempts sent at once are counted one by one
 * exactly as if they came in sequence, and those arriving while a key is locked are refused without a check.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Reservation> {
  const nowIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('login_throttle')
      .selectAll()
      .where(
        'key',
        'in',
        keys.map((k) => k.key),
      )
      .execute();
    const locks = rows.filter((r) => r.locked_until !== null && r.locked_until > nowIso).map((r) => Date.parse(r.locked_until!));
    if (locks.length) return { locked: true, seconds: Math.ceil((Math.max(...locks) - now.getTime()) / 1000) };
    for (const k of keys) {
      const failures = (rows.find((r) => r.key === k.key)?.failures ?? 0) + 1;
      const wait = k.delay(failures);
      const lockedUntil = wait ? new Date(now.getTime() + wait * 1000).toISOString() : null;
      await trx
        .insertInto('login_throttle')
        .values({ key: k.key, failures, locked_until: lockedUntil, updated_at: nowIso })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures, locked_until: lockedUntil, updated_at: nowIso }))
        .execute();
    }
    return { locked: false, before: keys.map((k) => rows.find((r) => r.key === k.key)?.failures ?? 0) };
  });
}

/** A correct password: the account's counter starts again; the address gives back the attempt it reserved. */
export async function releaseAttempt(db: Db, accountKey: string, address: ThrottleKey, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_throttle').where('key', '=', accountKey).execute();
    const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', address.key).executeTakeFirst();
    if (!row) return;
    const failures = Math.max(0, row.failures - 1);
    await trx
      .updateTable('login_throttle')
      .set({ failures, locked_until: address.delay(failures) ? row.locked_until : null, updated_at: nowIso })
      .where('key', '=', address.key)
      .execute();
  });
}

/** An administrator's reset ends the account's wait. */
export async function clearThrottle(db: Trx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function throttleFailures(db: Db, key: string): Promise<number> {
  const row = await db.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst();
  return row?.failures ?? 0;
}
