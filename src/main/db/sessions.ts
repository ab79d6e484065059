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

export async function findSession(db: Db, secretHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
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
