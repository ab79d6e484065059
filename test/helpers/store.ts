/**
 * Which store the integration suite runs on: SQLite by default; DESK_STORE=postgres with DESK_PG_URL (a superuser
 * URL, as scripts/pg-cluster.mjs exports) gives every test desk a fresh PostgreSQL database, cloned from a template
 * this process migrates once.
 */
import pg from 'pg';
import { deskOn, type Desk } from '../../src/main/desk';
import { openPgStore } from '../../src/main/db/postgres/store';
import { migratePg } from '../../src/main/db/postgres/migrations';
import { openStore, type Store } from '../../src/main/db/store';

export const onPostgres = process.env.DESK_STORE === 'postgres';

function adminUrl(): string {
  const url = process.env.DESK_PG_URL;
  if (!url) throw new Error('DESK_STORE=postgres needs DESK_PG_URL (run through scripts/pg-cluster.mjs)');
  return url;
}

/** The same cluster, another database. */
export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

let databases = 0;
let template: Promise<string> | null = null;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** An empty database on the test cluster (UTF-8, the cluster's C.UTF-8 ctype). */
export async function createDatabase(prefix = 'desk_test', from: string | null = null): Promise<string> {
  const name = `${prefix}_${process.pid}_${++databases}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`));
  return name;
}

/** A migrated template, made once per test process; each desk's database is a copy of it (much faster than migrating). */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = await createDatabase('desk_template');
    const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
    try {
      await migratePg(pool);
    } finally {
      await pool.end();
    }
    return name;
  })();
  return template;
}

/** A PostgreSQL-backed desk when DESK_STORE=postgres, else null (the caller opens SQLite). */
export async function openTestStore(dir: string, options: Parameters<typeof deskOn>[1]): Promise<Desk | null> {
  if (!onPostgres) return null;
  const name = await createDatabase('desk_test', await migratedTemplate());
  return deskOn(await openPgStore(databaseUrl(name), dir, { poolSize: 4 }), options);
}

/** Raw SQL with `?` placeholders on either store. */
export async function storeQuery<T>(store: Store, sql: string, params: unknown[]): Promise<T[]> {
  if (store.kind === 'sqlite') {
    const stmt = store.sqlite.prepare(sql);
    return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
  }
  let n = 0;
  return (
    await store.pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    )
  ).rows as T[];
}

/** Switches a guard trigger off, to play someone editing the database behind the desk (SQLite drops it; PostgreSQL disables it). */
export async function dropTrigger(store: Store, table: string, trigger: string): Promise<void> {
  if (store.kind === 'sqlite') store.sqlite.exec(`DROP TRIGGER ${trigger}`);
  else await store.pool.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
}

/** A bare store (no desk) in `dir` on whichever store the suite runs. */
export async function openEitherStore(dir: string): Promise<Store> {
  return (await openTestStore(dir, {}))?.services.store ?? openStore(dir);
}

/** Waits until the district server's anchor file has caught up with its writes (it follows after the reply). */
export async function anchorSettled(store: Store): Promise<void> {
  if (store.kind === 'postgres') await store.anchor.settled();
}
