import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  type DatabaseConnection,
  type Driver,
  type PostgresPool,
  type PostgresPoolClient,
  type TransactionSettings,
} from 'kysely';
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
  return new Kysely<DB>({ dialect: new LockingPostgresDialect({ pool: preparingPool(pool) }) });
}

/** Statements one connection keeps prepared at most; past that, the rest are sent unnamed as before. */
const MAX_PREPARED = 256;
/** A statement with a long list of parameters is an IN list whose length varies: not worth a prepared statement each. */
const MAX_PREPARED_PARAMETERS = 32;

/**
 * The repositories' statements, prepared once per connection. Sent unnamed, PostgreSQL parses and plans every statement
 * on every call: for the filing read of a decision that was ~1.3 ms, for the 19 statements of a decision several
 * milliseconds of a ~12 ms call. A named statement is parsed once per connection, and after five calls its plan may be
 * kept (plan_cache_mode auto: only when the generic plan costs no more than the custom ones). The name is a hash of the
 * text, so one name is always one text; statements of several commands (BEGIN; …) cannot be prepared and go as before.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = preparing(client)));
      return w;
    },
    end: () => pool.end(),
  };
}

function preparing(client: pg.PoolClient): PostgresPoolClient {
  const names = new Set<string>();
  const query = (text: string, parameters: readonly unknown[]) => {
    const values = [...parameters];
    if (values.length <= MAX_PREPARED_PARAMETERS && !text.includes(';')) {
      const name = `desk_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
      if (names.has(name) || names.size < MAX_PREPARED) {
        names.add(name);
        return client.query({ name, text, values });
      }
    }
    return client.query(text, values);
  };
  // Kysely's client type also takes a cursor, which the desk never passes.
  return { query: query as unknown as PostgresPoolClient['query'], release: (err?: boolean | Error) => client.release(err) };
}
