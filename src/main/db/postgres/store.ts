import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { HeadFile } from '../audit-head';
import { loadOrCreateKeys } from '../../crypto/signing';
import { NewerSchemaError } from '../migrations';
import { HEAD_FILE, markHeadLost, type StoreBase } from '../store';
import { createPgKysely, createPool } from './connection';
import { migratePg } from './migrations';
import { verifyPgAnchored } from './head';
import { LaggingAnchor } from './anchor';

/** The district server's store: a PostgreSQL database reached through a pool, plus a data folder for files. */
export interface PgStore extends StoreBase {
  kind: 'postgres';
  pool: Pool;
  /** The head file, moved forward after each write's reply (./anchor.ts). */
  anchor: LaggingAnchor;
  /** Waits for the anchor to catch up, then ends the pool. */
  close(): Promise<void>;
}

/** The URL without its password, for messages and the health report. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/**
 * Connects, migrates (refusing a schema newer than this desk knows), checks the audit chain against its signed heads
 * and returns the store. A newer schema or a chain that does not verify leaves the store read-only with the reason in
 * `health`, as on SQLite (the district server then refuses to start); an unreachable server is an error for the caller.
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
  const head = new HeadFile(join(dir, HEAD_FILE), loadOrCreateKeys(dir));
  // head-1: a chain that does not verify against both its heads is never served (verifyPgAnchored says why). A newer
  // schema may not even have the tables this desk knows: nothing is read from it.
  const anchor = health.ok ? await verifyPgAnchored(db, head) : null;
  if (anchor && !anchor.ok)
    health = {
      ok: false,
      problem: 'db.chain',
      detail: `${anchor.problem}${anchor.badSeq ? ` at entry ${anchor.badSeq}` : ''}, ${anchor.entries} entries`,
      ...base,
    };
  const store: PgStore = {
    kind: 'postgres',
    pool,
    db,
    health,
    head,
    anchor: new LaggingAnchor(head, () => markHeadLost(store.health)),
    headMayCreate: anchor?.ok === true && anchor.entries === 0,
    dataDir: dir,
    close: async () => {
      await store.anchor.settled();
      await db.destroy();
    },
  };
  return store;
}
