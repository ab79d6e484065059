import type { Db, Trx } from './connection';
import type { Actor, Account } from '../../shared/contract/auth';
import type { Role, UnitCode } from '../../shared/domain/units';

type Q = Db | Trx;

export const toActor = (r: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  is_demo: number;
}): Actor => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  unit: r.unit as UnitCode | null,
  isDemo: r.is_demo === 1,
});

export async function loadActor(db: Q, id: number): Promise<Actor | null> {
  const r = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'unit', 'is_demo'])
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return r ? toActor(r) : null;
}

export async function findUserForLogin(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Q): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(
  db: Trx,
  u: { username: string; displayName: string; role: Role; unit: UnitCode | null; passwordHash: string; isDemo?: boolean; now: string },
): Promise<Actor> {
  const r = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      unit: u.unit,
      password_hash: u.passwordHash,
      is_demo: u.isDemo ? 1 : 0,
      created_at: u.now,
    })
    .returning(['id', 'username', 'display_name', 'role', 'unit', 'is_demo'])
    .executeTakeFirstOrThrow();
  return toActor(r);
}

export async function recordLoginResult(
  db: Trx,
  id: number,
  success: boolean,
  failures: number,
  lockedUntil: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set(success ? { failed_logins: 0, locked_until: null, last_login_at: now } : { failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

const accountColumns = ['id', 'username', 'display_name', 'role', 'unit', 'disabled', 'is_demo', 'created_at', 'last_login_at'] as const;
type AccountRow = {
  id: number;
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  disabled: number;
  is_demo: number;
  created_at: string;
  last_login_at: string | null;
};
const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  unit: r.unit as UnitCode | null,
  disabled: r.disabled === 1,
  isDemo: r.is_demo === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

export async function listAccounts(db: Q): Promise<Account[]> {
  return (await db.selectFrom('users').select(accountColumns).orderBy('role').orderBy('unit').orderBy('username').execute()).map(toAccount);
}

export async function getAccount(db: Q, id: number): Promise<Account | null> {
  const r = await db.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function setDisabled(db: Trx, id: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Trx, id: number, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function listReviewers(db: Q) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'unit'])
    .where('role', '=', 'reviewer')
    .where('disabled', '=', 0)
    .orderBy('unit')
    .orderBy('display_name')
    .execute();
}
