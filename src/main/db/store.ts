import { mkdirSync, readdirSync, statfsSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKysely, openSqlite, type Db, type SqliteHandle } from './connection';
import { LATEST_VERSION, migrate, NewerSchemaError } from './migrations';
import { FolderLock } from './folder-lock';
import { verifyAnchored } from './audit';
import { HeadFile } from './audit-head';
import { loadOrCreateKeys } from '../crypto/signing';
import type { PgStore } from './postgres/store';

export interface DbHealth {
  ok: boolean;
  /** Catalogue key explaining why writes are refused. */
  problem: string | null;
  detail: string | null;
  path: string;
  latestBackup: string | null;
  /** The command that restores latestBackup into this folder, as this installation runs it. */
  restoreCommand: string | null;
}

/** The signed head vanished or stopped verifying under a running desk: writes stop, the damaged screen shows. */
export function markHeadLost(health: DbHealth): void {
  Object.assign(health, { ok: false, problem: 'db.chain', detail: 'headMissing: the signed chain head file is gone or invalid' });
}

export interface StoreBase {
  db: Db;
  health: DbHealth;
  head: HeadFile;
  /** True only while the chain is still empty as it was at open: then the first entry may create the head file. */
  headMayCreate: boolean;
  dataDir: string;
}

/** The standalone desk's store: one SQLite file in the data folder. */
export interface SqliteStore extends StoreBase {
  kind: 'sqlite';
  sqlite: SqliteHandle;
  close(): void;
}

/** The standalone desk (SQLite) or the district server (PostgreSQL): the same repositories run on both. */
export type Store = SqliteStore | PgStore;

export const DB_FILE = 'desk.sqlite';
export const HEAD_FILE = 'audit-head.json';

// statfs magic numbers of network file systems, where WAL locking does not work.
const NETWORK_FS = new Set([
  0x6969 /* NFS */, 0xff534d42 /* CIFS */, 0xfe534d42 /* SMB2 */, 0x517b /* SMB */, 0x564c /* NCP */,
  0x65735546 /* FUSE (sshfs, rclone…) */,
]);

export function isNetworkPath(dir: string): boolean {
  if (/^(\\\\|\/\/)/.test(dir)) return true; // UNC path
  try {
    return NETWORK_FS.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}

export function latestBackup(dataDir: string): string | null {
  const dir = join(dataDir, 'backups');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
  return files.length ? join(dir, files[files.length - 1]!) : null;
}

/**
 * Opens the desk's SQLite file, migrates it and runs quick_check. On any failure the desk fails closed:
 * the damaged file is left untouched, an empty in-memory store stands in, and `health` says why.
 */
export interface StoreOptions {
  /** How this installation restores a backup into this folder, for the damaged-database screen (cli/invocation.ts). */
  restoreCommand?: (backup: string, dataDir: string) => string;
}

export function openStore(dataDir: string, opts: StoreOptions = {}): SqliteStore {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, DB_FILE);
  const head = new HeadFile(join(dir, HEAD_FILE), loadOrCreateKeys(dir));
  const backup = latestBackup(dir);
  const base = { path, latestBackup: backup, restoreCommand: backup && opts.restoreCommand ? opts.restoreCommand(backup, dir) : null };
  // restore-1: held for the desk's lifetime, so no restore runs under it (see folder-lock.ts).
  let lock: FolderLock | null = null;
  const failClosed = (problem: string, detail: string): SqliteStore => {
    const sqlite = openSqlite(':memory:');
    migrate(sqlite);
    return {
      kind: 'sqlite',
      sqlite,
      db: createKysely(sqlite),
      health: { ok: false, problem, detail, ...base },
      head,
      headMayCreate: false,
      dataDir: dir,
      close: () => {
        sqlite.close();
        lock?.release();
      },
    };
  };
  if (isNetworkPath(dir)) return failClosed('db.networkShare', dir);
  lock = FolderLock.shared(dir);
  if (!lock) return failClosed('db.folderBusy', dir);
  let sqlite: SqliteHandle | undefined;
  try {
    sqlite = openSqlite(path);
    const check = sqlite.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      sqlite.close();
      return failClosed('db.corrupt', check);
    }
    const from = sqlite.pragma('user_version', { simple: true }) as number;
    if (from > 0 && from < LATEST_VERSION) {
      // An upgrade changes the schema under any older desk still running here: only with the folder to itself.
      lock.release();
      lock = FolderLock.exclusive(dir);
      if (!lock) {
        sqlite.close();
        return failClosed('db.folderBusy', `schema ${from} → ${LATEST_VERSION}: another desk is using ${dir}`);
      }
      migrate(sqlite);
      lock.release();
      lock = FolderLock.shared(dir);
      if (!lock) {
        sqlite.close();
        return failClosed('db.folderBusy', dir);
      }
    } else migrate(sqlite);
  } catch (err) {
    sqlite?.close();
    if (err instanceof NewerSchemaError) return failClosed('db.newer', err.message);
    return failClosed('db.corrupt', err instanceof Error ? err.message : String(err));
  }
  // head-1: a chain that does not verify against its signed head is never written to, nor re-anchored silently.
  const anchor = verifyAnchored(sqlite, head.inspect());
  if (!anchor.ok) {
    sqlite.close();
    return failClosed('db.chain', `${anchor.problem}${anchor.badSeq ? ` at entry ${anchor.badSeq}` : ''}, ${anchor.entries} entries`);
  }
  const held = lock;
  return {
    kind: 'sqlite',
    sqlite,
    db: createKysely(sqlite),
    health: { ok: true, problem: null, detail: null, ...base },
    head,
    headMayCreate: anchor.entries === 0,
    dataDir: dir,
    close: () => {
      sqlite.close();
      held.release();
    },
  };
}

/** The SQLite handle of a standalone desk's store, for SQLite's own machinery (backup API, pragmas, file checks). */
export function sqliteHandle(store: Store): SqliteHandle {
  if (store.kind !== 'sqlite') throw new Error('this needs the standalone desk (SQLite); the store is PostgreSQL');
  return store.sqlite;
}
