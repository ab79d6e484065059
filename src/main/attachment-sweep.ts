import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentPath, STAGING_DIR } from './attachments';
import { referencedAttachments } from './db/attachment-refs';
import { fsyncPath } from './db/durable';
import type { Store } from './db/store';

/** Staged bytes younger than this may belong to an upload in flight on another desk sharing the folder. */
export const STAGING_GRACE_MS = 60 * 60 * 1000;

export interface SweepReport {
  /** Staged bytes a committed row referred to, moved into place (a crash fell between commit and move). */
  placed: number;
  /** Files no row refers to, removed. */
  removed: number;
}

const SHA = /^[0-9a-f]{64}$/;

function stagedFiles(root: string): string[] {
  const dir = join(root, STAGING_DIR);
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}

function placedFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
}

/**
 * At start: no file stays in attachments/ without a row that refers to it. Files are listed before the rows are read,
 * so a file another desk placed after its row committed is always matched. A desk whose database is refused sweeps
 * nothing: its stand-in store has no rows, and every file would look orphaned.
 */
export async function sweepAttachments(store: Store, now = Date.now()): Promise<SweepReport> {
  const report: SweepReport = { placed: 0, removed: 0 };
  const root = join(store.dataDir, 'attachments');
  if (!store.health.ok || !existsSync(root)) return report;
  const staged = stagedFiles(root);
  const placed = placedFiles(root);
  const refs = await referencedAttachments(store.db);
  for (const path of staged) {
    const sha = (path.split(/[\\/]/).pop() ?? '').split('.')[0] ?? '';
    const target = attachmentPath(store.dataDir, sha);
    if (SHA.test(sha) && refs.has(sha) && !existsSync(target)) {
      if (createHash('sha256').update(readFileSync(path)).digest('hex') === sha) {
        mkdirSync(dirname(target), { recursive: true });
        renameSync(path, target);
        fsyncPath(dirname(target));
        report.placed++;
        continue;
      }
    }
    if (refs.has(sha) || now - statSync(path).mtimeMs > STAGING_GRACE_MS) {
      rmSync(path, { force: true });
      report.removed++;
    }
  }
  for (const path of placed) {
    const name = path.split(/[\\/]/).pop() ?? '';
    if (SHA.test(name) && refs.has(name)) continue;
    rmSync(path, { force: true });
    report.removed++;
  }
  return report;
}
