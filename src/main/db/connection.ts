import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, CompiledQuery } from 'kysely';
import type { DatabaseConnection, Driver, Dialect, Transaction } from 'kysely';
import type { DB } from './schema';
import { nativeBinding } from './native';
import { registerSearchFunctions } from './search-chars';

export type SqliteHandle = Database.Database;
/**
 * Read and write handles are different types (Signal's ReadableDB / WritableDB): the store's handle reads only, and
 * the one way to write is inside a transaction (services.write), whose handle is a Trx. A repository that writes
 * takes a Trx, so a write outside a transaction does not type-check.
 */
export type Db = Omit<Kysely<DB>, 'insertInto' | 'replaceInto' | 'updateTable' | 'deleteFrom' | 'mergeInto' | 'schema'>;
/** The writable handle: only ever a transaction. */
export type Trx = Transaction<DB>;

/** Pragmas every connection needs (toolchain: WAL + synchronous=FULL, foreign keys, busy timeout). */
export function openSqlite(path: string, opts: { readonly?: boolean } = {}): SqliteHandle {
  const binding = nativeBinding();
  const handle = new Database(path, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    // Inside Electron the addon built for Electron's ABI (see native.ts); elsewhere better-sqlite3's own.
    ...(binding ? { nativeBinding: binding } : {}),
  });
  if (!opts.readonly) handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 10000');
  registerSearchFunctions(handle);
  return handle;
}

/**
 * Kysely's SQLite driver begins transactions with a deferred BEGIN, which fails with SQLITE_BUSY
 * under competing writers. This dialect begins every transaction IMMEDIATE, so a write
 * transaction takes the write lock up front and waits on busy_timeout instead.
 */
class ImmediateSqliteDialect implements Dialect {
  private readonly inner: SqliteDialect;
  constructor(private readonly handle: SqliteHandle) {
    this.inner = new SqliteDialect({ database: handle });
  }
  createDriver(): Driver {
    const driver = this.inner.createDriver();
    const original = driver.beginTransaction.bind(driver);
    driver.beginTransaction = async (connection: DatabaseConnection, settings) => {
      if (settings?.isolationLevel || settings?.accessMode) return original(connection, settings);
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

export function createKysely(handle: SqliteHandle): Db {
  return new Kysely<DB>({ dialect: new ImmediateSqliteDialect(handle) });
}
