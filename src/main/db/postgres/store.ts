import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { HeadFile } from '../audit-head';
import { loadOrCreateKeys } from '../../crypto/signing';
import { NewerSchemaError } from '../migrations';
import { HEAD_FILE, type StoreBase } from '../store';
import { createPgKysely, createPool } from './connection';
import { migratePg } from './migrations';

/** The district server's store: a PostgreSQL database reached through a pool, plus a data folder for files. */
export interface PgStore extends StoreBase {
  kind: 'postgres';
  pool: Pool;
  close(): Promise<void>;
}

/** The URL without its password, for messages and the health report. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/**
 * Connects, migrates (refusing a schema newer than this desk knows) and returns the store. A newer schema leaves the
 * store read-only with the reason in `health`, as on SQLite; an unreachable server is an error for the caller.
 */
export async function openPgStore(url: string, dataDir: string, opts: { poolSize?: number } = {}): Promise<PgStore> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const pool = createPool(url, opts.poolSize);
  const base = { path: redactUrl(url), latestBackup: null, restoreCommand: null };
  let health: PgStore['health'] = { ok: true, problem: null, detail: null, ...base };
  try {
    await migratePg(pool);
  } catch (err) {
    if (!(err instanceof NewerSchemaError)) {
      await pool.end();
      throw err;
    }
    health = { ok: false, problem: 'db.newer', detail: err.message, ...base };
  }
  const db = createPgKysely(pool);
  // As on SQLite: only a chain that is still empty at open may create the signed head file.
  // A newer schema may not even have the tables this desk knows: nothing is read from it.
  const counted = health.ok ? await db.selectFrom('audit_log').select(db.fn.countAll<string>().as('n')).executeTakeFirst() : null;
  return {
    kind: 'postgres',
    pool,
    db,
    health,
    head: new HeadFile(join(dir, HEAD_FILE), loadOrCreateKeys(dir)),
    headMayCreate: counted !== null && Number(counted?.n ?? 0) === 0,
    dataDir: dir,
    close: () => db.destroy(),
  };
}
