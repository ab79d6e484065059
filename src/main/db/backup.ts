import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkIntegrity } from './integrity';
import type { BackupInfo } from '../../shared/contract/backup';
import { copyDurably, keepAttachment, keepKeys, KEYS_DIR } from './backup-files';
import { appendAudit, currentHead, GENESIS, verifyChain, type ChainHead, type VerifyReport } from './audit';
import { checkSignedHead, HeadFile, type SignedHead } from './audit-head';
import { fsyncPath, writeDurably } from './durable';
import { FolderLock } from './folder-lock';
import { readKeys } from '../crypto/signing';
import { createKysely, openSqlite } from './connection';
import { DB_FILE, HEAD_FILE, type Store } from './store';

export const BACKUP_DIR = 'backups';
export { HEAD_FILE };

/** A backup or restore that did not happen; nothing was changed. `reason` is a catalogue key suffix. */
export class BackupError extends Error {
  constructor(
    public readonly reason: 'quickCheck' | 'chain' | 'missing' | 'unhealthy' | 'unsigned' | 'busy',
    public readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** 2026-11-26T05:49:00.123Z -> 20261126T054900123Z: sortable, and safe in a file name everywhere. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

const sidecarPath = (sqlitePath: string) => sqlitePath.replace(/\.sqlite$/, '.json');

interface Inspection {
  quickCheck: string;
  head: ChainHead;
  attachments: string[];
  filings: number;
  chain: VerifyReport;
}

/** Opens a backup copy read-only and reads what restore and the list need; never writes to it. */
function inspect(path: string, expectedHead: ChainHead | null): Inspection {
  const failed = (quickCheck: string): Inspection => ({
    quickCheck,
    head: { seq: 0, hash: GENESIS },
    attachments: [],
    filings: 0,
    chain: { ok: false, entries: 0, head: GENESIS, problem: null, badSeq: null },
  });
  let handle: Database.Database;
  try {
    handle = openSqlite(path, { readonly: true });
  } catch (err) {
    // A damaged header or first page fails already at open; that is a failed check, not a crash.
    return failed(err instanceof Error ? err.message : String(err));
  }
  try {
    const quickCheck = String(handle.pragma('quick_check', { simple: true }));
    if (quickCheck !== 'ok') return failed(quickCheck);
    const head = currentHead(handle) ?? { seq: 0, hash: GENESIS };
    const attachments = handle.prepare(attachmentsSql(handle)).pluck().all() as string[];
    const filings = handle.prepare('SELECT count(*) FROM filings').pluck().get() as number;
    const chain = verifyChain(handle, expectedHead && expectedHead.seq > 0 ? expectedHead : null);
    return { quickCheck, head, attachments, filings, chain };
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  } finally {
    handle.close();
  }
}

/**
 * backup-1: copies the live database with SQLite's online backup API into <dataDir>/backups/desk-<stamp>.sqlite,
 * checks the copy with quick_check, and writes its audit chain head beside it (desk-<stamp>.json).
 * Only a copy that passed the check gets its final `.sqlite` name, so every listed backup is a verified one.
 */
export async function createBackup(store: Store, now: Date): Promise<BackupInfo> {
  if (!store.health.ok) throw new BackupError('unhealthy', store.health.problem ?? '');
  // corrupt-2: the full check first, so a damaged database is never signed into a backup; a failure makes the desk read-only.
  if ((await checkIntegrity(store)) !== 'ok') throw new BackupError('unhealthy', store.health.detail ?? 'integrity_check');
  const dir = join(store.dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  let at = now.getTime();
  let file = `desk-${fileStamp(new Date(at))}.sqlite`;
  while (existsSync(join(dir, file)) || existsSync(join(dir, `${file}.partial`))) file = `desk-${fileStamp(new Date(++at))}.sqlite`;
  const finalPath = join(dir, file);
  const partial = `${finalPath}.partial`;
  // Read before the copy is taken: the head only moves forward, so it is part of the copied chain (head-1).
  const anchor = store.head.read();

  // A connection of its own: the desk's connection may hold an open write transaction across awaits, and a backup
  // read through it would see uncommitted pages. This one reads a committed WAL snapshot and never blocks writers.
  const source = new Database(join(store.dataDir, DB_FILE), { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    // All remaining pages in one step: copied in small steps, every commit by another connection restarts the copy,
    // and a steady stream of writes could starve it.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; a rollback-journal file is self-contained, so it can be copied or mailed as is.
  const convert = new Database(partial, { fileMustExist: true });
  try {
    convert.pragma('journal_mode = DELETE');
  } finally {
    convert.close();
  }
  const seen = inspect(partial, anchor);
  if (seen.quickCheck !== 'ok') {
    rmSync(partial, { force: true });
    throw new BackupError('quickCheck', seen.quickCheck);
  }
  // A backup carries its signed head; a chain that does not verify is never signed into one.
  if (!seen.chain.ok || (seen.head.seq > 0 && !anchor)) {
    rmSync(partial, { force: true });
    throw new BackupError('chain', `${seen.chain.problem ?? 'headMissing'} at ${seen.chain.badSeq ?? '?'}`);
  }
  const signedHead = seen.head.seq > 0 ? store.head.sign(seen.head) : null;
  for (const sha of seen.attachments) keepAttachment(store.dataDir, dir, sha);
  keepKeys(store.dataDir, dir);
  fsyncPath(partial);
  const info: BackupInfo = {
    file,
    path: finalPath,
    createdAt: new Date(at).toISOString(),
    size: statSync(partial).size,
    quickCheck: seen.quickCheck,
    head: seen.head,
    attachments: seen.attachments.length,
  };
  writeDurably(sidecarPath(finalPath), JSON.stringify({ ...info, filings: seen.filings, signedHead }, null, 2));
  renameSync(partial, finalPath);
  fsyncPath(dir);
  return info;
}

function readSidecar(sqlitePath: string): (BackupInfo & { filings?: number; signedHead?: SignedHead | null }) | null {
  try {
    const v = JSON.parse(readFileSync(sidecarPath(sqlitePath), 'utf8')) as BackupInfo;
    if (typeof v.head?.seq !== 'number' || typeof v.head.hash !== 'string' || typeof v.quickCheck !== 'string') return null;
    return v;
  } catch {
    return null;
  }
}

/** Verified backups in <dataDir>/backups, newest first. Files without their head record are not listed. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => /^desk-.*\.sqlite$/.test(f))
    .sort()
    .reverse()) {
    const path = join(dir, name);
    const meta = readSidecar(path);
    if (!meta) continue;
    out.push({
      file: name,
      path,
      createdAt: meta.createdAt,
      size: statSync(path).size,
      quickCheck: meta.quickCheck,
      head: meta.head,
      attachments: meta.attachments ?? 0,
    });
  }
  return out;
}

export interface RestoreReport {
  restoredFrom: string;
  /** Files moved aside (the damaged database and its WAL, the old head file); never deleted. */
  movedAside: string[];
  /** Chain head carried by the backup, and the head after the restore entry was appended. */
  backupHead: ChainHead;
  head: ChainHead;
  filings: number;
  attachmentsCopied: number;
  attachmentsMissing: string[];
}

/**
 * Offline restore (`npm run desk -- restore <file>`); the desk must not be running on `dataDir`.
 * Refuses unless the backup passes quick_check and its audit chain verifies against the head recorded beside it.
 * The current database is moved aside as desk.sqlite.damaged-<stamp>, never deleted; then the backup is copied in,
 * the external chain head is set to the backup's, and the restore itself is appended to the audit log.
 */
export async function restoreBackup(backupPath: string, dataDir: string, opts: { now?: Date } = {}): Promise<RestoreReport> {
  const now = opts.now ?? new Date();
  const source = resolve(backupPath);
  if (!existsSync(source)) throw new BackupError('missing', source);
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // restore-1: never under a running desk; the lock is held until the restore is complete.
  const lock = FolderLock.exclusive(dir);
  if (!lock) throw new BackupError('busy', `a desk is running on ${dir}; close every desk using this folder first`);
  try {
    return await restoreLocked(source, dir, now);
  } finally {
    lock.release();
  }
}

async function restoreLocked(source: string, dir: string, now: Date): Promise<RestoreReport> {
  // The head that vouches for the backup is the signed one beside it, checked with this desk's key or the key kept
  // with the backups (a desk restored from nothing has only that). Without one, a rewritten backup cannot be told apart.
  const trusted = [readKeys(dir), readKeys(dirname(source))].filter((k) => k !== null);
  const signed = checkSignedHead(readSidecar(source)?.signedHead, trusted);
  const seen = inspect(source, signed.state === 'ok' ? signed.head : null);
  if (seen.quickCheck !== 'ok') throw new BackupError('quickCheck', seen.quickCheck);
  if (!seen.chain.ok) throw new BackupError('chain', `${seen.chain.problem} at ${seen.chain.badSeq}`);
  if (seen.head.seq > 0 && signed.state !== 'ok')
    throw new BackupError('unsigned', signed.state === 'missing' ? 'the backup carries no signed chain head' : `chain head ${signed.why}`);

  mkdirSync(dir, { recursive: true });
  const stamp = fileStamp(now);
  const target = join(dir, DB_FILE);
  const movedAside: string[] = [];
  // The WAL and shared-memory files belong to the damaged database: they move with it under matching names.
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (!existsSync(target + suffix)) continue;
    const aside = `${target}.damaged-${stamp}${suffix}`;
    renameSync(target + suffix, aside);
    movedAside.push(aside);
  }
  copyDurably(source, target);

  let attachmentsCopied = 0;
  const attachmentsMissing: string[] = [];
  for (const sha of seen.attachments) {
    const r = keepAttachment(dirname(source), dir, sha);
    if (r === 'kept') attachmentsCopied++;
    if (r === 'missing') attachmentsMissing.push(sha);
  }

  // Keys come back only into a desk that has none: a desk's existing key is never overwritten.
  if (!existsSync(join(dir, KEYS_DIR))) keepKeys(dirname(source), dir);

  const headPath = join(dir, HEAD_FILE);
  if (existsSync(headPath)) {
    const aside = `${headPath}.before-restore-${stamp}`;
    renameSync(headPath, aside);
    movedAside.push(aside);
  }
  // The restored log may be shorter than the one it replaces, so the head is written anew, signed by this desk.
  const headFile = new HeadFile(headPath, readKeys(dir));
  if (seen.head.seq > 0) headFile.write(seen.head);
  fsyncPath(dir);

  const handle = openSqlite(target);
  try {
    const db = createKysely(handle);
    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        {
          actorId: null,
          actorName: 'restore',
          unit: null,
          action: 'backup.restore',
          target: `backup:${basename(source)}`,
          outcome: 'ok',
          after: { backupHead: seen.head, movedAside: movedAside.map((p) => basename(p)), attachmentsMissing },
        },
        now,
      ),
    );
    const head = currentHead(handle)!;
    headFile.write(head);
    await db.destroy();
    return { restoredFrom: source, movedAside, backupHead: seen.head, head, filings: seen.filings, attachmentsCopied, attachmentsMissing };
  } finally {
    if (handle.open) handle.close();
  }
}

/**
 * Every content address the backed-up rows refer to: filings' papers (with tracked items' papers and closure reports)
 * and, from migration 006 on, enterprise problems' attachments. A backup of an older desk has no problem table.
 */
function attachmentsSql(handle: Database.Database): string {
  const problems = handle.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'problem_attachments'").get();
  return problems
    ? 'SELECT sha256 FROM attachments UNION SELECT sha256 FROM problem_attachments ORDER BY sha256'
    : 'SELECT DISTINCT sha256 FROM attachments ORDER BY sha256';
}
