import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { attachmentPath, STAGING_DIR } from '../attachments';
import type { SignedHead } from '../db/audit-head';
import { fsyncPath, writeDurably } from '../db/durable';
import { MoveRefused } from '../db/postgres/move';
import { HEAD_FILE } from '../db/store';

const KEY_FILES = ['desk-ed25519.key.pem', 'desk-ed25519.pub.pem'];

/** Every content-addressed attachment of a data folder (not the staging folder: the desk's start-up sweep owns it). */
export function attachmentFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(root, d)).filter((f) => /^[0-9a-f]{64}$/.test(f) && f.startsWith(d)));
}

/**
 * The files a moved desk brings to the server's data folder (the layout the server reads: keys/, audit-head.json,
 * attachments/<aa>/<sha256>), written before the database commits and removed again if it does not. Attachments
 * follow the uploads' protocol (attachments.ts): staged under attachments/.incoming before the commit, moved under
 * their content address after it, so a server's start-up sweep never finds a placed file without its row, and a crash
 * between commit and move is repaired by that sweep. Only files this move created are removed: an attachment the
 * shared folder already held stays.
 */
export class FilePlacement {
  private readonly created: string[] = [];
  private readonly staged: { sha: string; path: string }[] = [];
  readonly same: boolean;

  constructor(
    private readonly from: string,
    private readonly to: string,
  ) {
    this.same = resolve(from) === resolve(to);
  }

  /** Refusals that need no database: another desk's key or chain anchor already in the server's folder. */
  check(): void {
    if (this.same) return;
    const key = join(this.to, 'keys', KEY_FILES[0]!);
    if (existsSync(key) && readFileSync(key, 'utf8') !== readFileSync(join(this.from, 'keys', KEY_FILES[0]!), 'utf8'))
      throw new MoveRefused('move.keyDiffers', { path: key });
    if (existsSync(join(this.to, HEAD_FILE))) throw new MoveRefused('move.anchorExists', { path: join(this.to, HEAD_FILE) });
  }

  private copy(src: string, dest: string, mode?: number): void {
    if (existsSync(dest)) return;
    mkdirSync(dirname(dest), { recursive: true, ...(mode ? { mode: 0o700 } : {}) });
    this.created.push(dest);
    copyFileSync(src, dest);
    fsyncPath(dest);
    fsyncPath(dirname(dest));
  }

  /** Stages the attachments and writes the signing key; returns how many attachment files the desk has. */
  place(): number {
    const files = attachmentFiles(this.from);
    if (this.same) return files.length;
    for (const sha of files) {
      if (existsSync(attachmentPath(this.to, sha))) continue;
      const path = join(this.to, 'attachments', STAGING_DIR, `${sha}.${randomBytes(6).toString('hex')}`);
      this.copy(attachmentPath(this.from, sha), path);
      this.staged.push({ sha, path });
    }
    for (const f of KEY_FILES) this.copy(join(this.from, 'keys', f), join(this.to, 'keys', f), 0o600);
    return files.length;
  }

  /** After the commit: the staged attachments under their content address. */
  commit(): void {
    for (const { sha, path } of this.staged) {
      const target = attachmentPath(this.to, sha);
      mkdirSync(dirname(target), { recursive: true });
      try {
        renameSync(path, target);
      } catch (err) {
        // A server's start-up sweep may have placed it already.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(target)) throw err;
      }
      fsyncPath(dirname(target));
    }
  }

  /** The chain head anchored outside the database, as the server's own writes leave it. */
  anchor(head: SignedHead): void {
    const path = join(this.to, HEAD_FILE);
    if (!this.same) this.created.push(path);
    writeDurably(path, JSON.stringify(head));
  }

  undo(): void {
    for (const f of this.created.reverse()) rmSync(f, { force: true });
  }
}
