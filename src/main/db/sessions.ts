import type { Db } from './connection';

export interface SessionRow {
  secret_hash: string;
  user_id: number;
  transport: string;
  created_at: string;
  last_seen_at: string;
}

/**
 * Dialect-neutral session storage: the district server runs the same queries on PostgreSQL. Each write is its own
 * short transaction; none of them is an audited change of the record.
 */
export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.transaction().execute((trx) => trx.insertInto('sessions').values(row).execute());
}

/** A session with its account when that is enabled (else null), and the stored settings: what every call checks first. */
export interface SessionLookup {
  session: SessionRow;
  user: { id: number; username: string; display_name: string; role: string; unit: string | null; is_demo: number } | null;
  /** The stored settings document, or null when none is stored. */
  settings: string | null;
}

/** One statement for what every signed-in call needs before its handler runs (a round trip each on PostgreSQL). */
export async function lookupSession(db: Db, secretHash: string): Promise<SessionLookup | undefined> {
  const r = await db
    .selectFrom('sessions as s')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').on('u.disabled', '=', 0))
    .select(['s.secret_hash', 's.user_id', 's.transport', 's.created_at', 's.last_seen_at'])
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.unit', 'u.is_demo'])
    .select((eb) => eb.selectFrom('settings').select('value').where('key', '=', 'desk').as('settings'))
    .where('s.secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!r) return undefined;
  const { secret_hash, user_id, transport, created_at, last_seen_at, id, username, display_name, role, unit, is_demo } = r;
  return {
    session: { secret_hash, user_id, transport, created_at, last_seen_at },
    user:
      id === null || username === null || display_name === null || role === null || is_demo === null
        ? null
        : { id, username, display_name, role, unit, is_demo },
    settings: r.settings ?? null,
  };
}

export async function touchSession(db: Db, secretHash: string, at: string): Promise<void> {
  await db
    .transaction()
    .execute((trx) => trx.updateTable('sessions').set({ last_seen_at: at }).where('secret_hash', '=', secretHash).execute());
}

export async function deleteSession(db: Db, secretHash: string): Promise<void> {
  await db.transaction().execute((trx) => trx.deleteFrom('sessions').where('secret_hash', '=', secretHash).execute());
}

/** Every session of a user ends: password changed or reset, account disabled. */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.transaction().execute((trx) => trx.deleteFrom('sessions').where('user_id', '=', userId).execute());
}
