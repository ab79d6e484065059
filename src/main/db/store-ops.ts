import type { Kysely } from 'kysely';
import type { Db } from './connection';
import type { DB } from './schema';
import { markHeadLost, type Store } from './store';
import { appendedTip, currentHead, currentHeadOf, verifyChain, verifyChainOf, type ChainHead, type VerifyReport } from './audit';
import { FORGET_UNAUDITED_SQL, forgetUnauditedRows, hasUnrecordedRows } from './row-hashes';
import { openingWith } from './postgres/connection';
import { syncWorkDays, workDayRows, WORK_DAYS_FROM, WORK_DAYS_TO } from './dashboard';
import { recordSignedHead } from './postgres/head';
import type { Trx } from './connection';

// Whole-store operations that SQLite runs on its synchronous handle and PostgreSQL through the pool, one function each.

/** The chain head now in the store. */
export function storeHead(store: Store): Promise<ChainHead | null> | ChainHead | null {
  return store.kind === 'sqlite' ? currentHead(store.sqlite) : currentHeadOf(store.db);
}

/**
 * The chain head as a transaction on the store sees it. On SQLite the one handle already runs the transaction; on
 * PostgreSQL only the transaction's own connection sees its uncommitted entries.
 */
export async function headInside(store: Store, trx: Kysely<DB>): Promise<ChainHead | null> {
  return store.kind === 'sqlite' ? currentHead(store.sqlite) : currentHeadOf(trx);
}

/**
 * The end of a write transaction. rows-1: covered rows written after its last entry still get their hashes on the
 * record (`recordRows` appends an entry for them). The district server also keeps its signed head in the database
 * (SQLite: a file only, moved after commit); recording it answers the rows question in the same round trip.
 */
export async function closeWrite(store: Store, trx: Trx, recordRows: () => Promise<void>): Promise<void> {
  if (store.kind === 'sqlite') {
    if (await hasUnrecordedRows(trx)) await recordRows();
    return;
  }
  if ((await recordSignedHead(trx, store.head)).unrecordedRows) {
    await recordRows();
    await recordSignedHead(trx, store.head);
  }
}

/**
 * One write transaction: rows changed outside the desk since the last write are forgotten first (rows-1), on
 * PostgreSQL in the round trip of its BEGIN and lock.
 */
export function writeTransaction<T>(store: Store, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (store.kind === 'postgres') return openingWith(FORGET_UNAUDITED_SQL, () => store.db.transaction().execute(fn));
  return store.db.transaction().execute(async (trx) => {
    await forgetUnauditedRows(trx);
    return fn(trx);
  });
}

/** The head a committed write leaves: the entry it appended last, else the store's (one read saved per write). */
export function headAfter(store: Store, trx: Trx): Promise<ChainHead | null> | ChainHead | null {
  return appendedTip(trx) ?? storeHead(store);
}

/**
 * After a committed write, the head outside the database moves to `head`. SQLite: now, as that file is the desk's only
 * head. PostgreSQL: after the reply (postgres/anchor.ts), as the database already holds the signed head.
 */
export function moveHead(store: Store, head: ChainHead): void {
  if (store.kind === 'postgres') store.anchor.advance(head, store.headMayCreate);
  else if (store.head.advance(head, store.headMayCreate) === 'refused') {
    markHeadLost(store.health);
    return;
  }
  store.headMayCreate = false;
}

/** The whole-chain check against the external head. */
export async function verifyStoreChain(store: Store): Promise<VerifyReport> {
  return store.kind === 'sqlite' ? verifyChain(store.sqlite, store.head.read()) : verifyChainOf(store.db, store.head.read());
}

/** Brings the stored working-day table in line with the calendar in code (see syncWorkDays). */
export async function syncStoreWorkDays(store: Store): Promise<number> {
  if (store.kind === 'sqlite') return syncWorkDays(store.sqlite);
  return syncWorkDaysOf(store.db);
}

async function syncWorkDaysOf(db: Db): Promise<number> {
  const w = db.withTables<{ work_days: { day: string; n: number } }>();
  const stored = new Map((await w.selectFrom('work_days').select(['day', 'n']).execute()).map((r) => [r.day, r.n]));
  const changed = workDayRows(WORK_DAYS_FROM, WORK_DAYS_TO).filter(([d, n]) => stored.get(d) !== n);
  if (!changed.length) return 0;
  await w.transaction().execute(async (trx) => {
    for (let i = 0; i < changed.length; i += 1000)
      await trx
        .insertInto('work_days')
        .values(changed.slice(i, i + 1000).map(([day, n]) => ({ day, n })))
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ n: eb.ref('excluded.n') })))
        .execute();
  });
  return changed.length;
}
