import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import type { DB } from '../schema';

/**
 * PostgreSQL returns bigint (COUNT, SUM of integers) and numeric (SUM of bigint) as strings, to be safe beyond
 * 2^53. The desk's counts and sums stay far below that, and the repositories expect numbers as SQLite gives them.
 */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text'),
};

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  // An idle client losing its server (PostgreSQL restarting) must not take the process down; the pool replaces it.
  pool.on('error', (err) => console.error('[postgres] idle client error:', err.message));
  // A client checked out (between a transaction's statements) whose server goes away emits 'error' with no query to
  // take it; unheard, that would end the process. The pool drops such a client when it is released.
  pool.on('connect', (client) => client.on('error', (err) => console.error('[postgres] connection lost:', err.message)));
  return pool;
}

/**
 * Isolation and locking, chosen once for every write: transactions run at READ COMMITTED and their first statement
 * takes the desk's write lock (`desk_write_lock()`, a transaction-scoped advisory lock, migration 001), held to
 * commit or rollback. Write transactions from every instance therefore run one at a time, as SQLite's BEGIN
 * IMMEDIATE makes them on one file, and each statement after the lock sees every earlier commit. That is what keeps
 *  - the audit chain one chain across instances (read the head, append the next entry),
 *  - certificate and filing numbers unique and gapless (max + 1 of the year inside the issuing transaction),
 *  - version checks (UPDATE … WHERE version = expected) and idempotency keys (looked up, then recorded) exact.
 * Reads take no lock and never wait for writers. A read-only transaction (accessMode 'read only') skips the lock.
 */
class LockingPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const begin = driver.beginTransaction.bind(driver);
    driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
      if (settings.accessMode === 'read only') return begin(connection, settings);
      if (settings.isolationLevel || settings.accessMode) {
        await begin(connection, settings);
        await connection.executeQuery(CompiledQuery.raw('SELECT desk_write_lock()'));
        return;
      }
      // The usual write: one round trip for both (and the opening statement of openingWith, if any). Statements without
      // parameters go as one simple query; a failing one leaves the block BEGIN opened aborted, and the caller rolls
      // back as after a failing separate statement.
      const held = opening.getStore();
      const extra = held?.statement ? `; ${held.statement}` : '';
      if (held) held.statement = null;
      await connection.executeQuery(CompiledQuery.raw(`BEGIN; SELECT desk_write_lock()${extra}`));
    };
    return driver;
  }
}

const opening = new AsyncLocalStorage<{ statement: string | null }>();

/**
 * Runs `fn`, whose first write transaction sends `statement` (fixed SQL, no parameters) right after its lock, in the
 * same round trip as BEGIN: each statement is a round trip to the server.
 */
export function openingWith<T>(statement: string, fn: () => Promise<T>): Promise<T> {
  return opening.run({ statement }, fn);
}

export function createPgKysely(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new LockingPostgresDialect({ pool }) });
}
