import type { Db } from './connection';
import type { Trx } from './connection';

type Q = Db | Trx;

export interface SessionRow {
  secret_hash: string;
  user_id: number;
  transport: string;
  created_at: string;
  last_seen_at: string;
}

/** Dialect-neutral session storage: the district server runs the same queries on PostgreSQL. */
export async function insertSession(db: Q, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Q, secretHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
}

export async function touchSession(db: Q, secretHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('secret_hash', '=', secretHash).execute();
}

export async function deleteSession(db: Q, secretHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('secret_hash', '=', secretHash).execute();
}

/** Every session of a user ends: password changed or reset, account disabled. */
export async function deleteUserSessions(db: Q, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Expired sessions are removed now and then, so the table holds only live ones. */
export async function deleteSessionsBefore(db: Q, idleBefore: string, createdBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
    .execute();
}
