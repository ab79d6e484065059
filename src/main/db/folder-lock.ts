import Database from 'better-sqlite3';
import { join } from 'node:path';

export const LOCK_FILE = 'desk.lock';

/**
 * restore-1: who may use a data folder. Node has no portable flock, so the lock is SQLite's own file locking on a
 * tiny database beside the desk's (POSIX fcntl locks on Linux and macOS, LockFileEx on Windows; the operating system
 * drops them when a process dies, even by kill -9). A running desk keeps a read transaction open on it for its whole
 * life: a SHARED lock, which any number of desks hold together. Restore, re-anchoring and a schema upgrade need an
 * EXCLUSIVE lock, which SQLite grants only when no SHARED lock is held, and refuse at once (busy_timeout 0) otherwise.
 * The lock database stays in rollback-journal mode: in WAL mode readers would not keep a writer out.
 */
export class FolderLock {
  private constructor(private readonly handle: Database.Database) {}

  private static open(dir: string): Database.Database {
    const handle = new Database(join(dir, LOCK_FILE));
    handle.pragma('busy_timeout = 0');
    if (handle.pragma('journal_mode', { simple: true }) !== 'delete') handle.pragma('journal_mode = DELETE');
    return handle;
  }

  /** Held by each running desk for its lifetime. Null when an exclusive holder (a restore) is at work. */
  static shared(dir: string): FolderLock | null {
    let handle: Database.Database | null = null;
    try {
      handle = FolderLock.open(dir);
      handle.exec('BEGIN');
      // Reading the schema page takes the SHARED lock and keeps it until the transaction ends.
      handle.prepare('SELECT count(*) FROM sqlite_master').get();
      return new FolderLock(handle);
    } catch (err) {
      handle?.close();
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
      throw err;
    }
  }

  /** For restore and upgrades: granted only when no desk holds the folder. Null while one does. */
  static exclusive(dir: string): FolderLock | null {
    let handle: Database.Database | null = null;
    try {
      handle = FolderLock.open(dir);
      handle.exec('BEGIN EXCLUSIVE');
      return new FolderLock(handle);
    } catch (err) {
      handle?.close();
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
      throw err;
    }
  }

  release(): void {
    if (!this.handle.open) return;
    if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
    this.handle.close();
  }
}
