/** Durable file copies for backups and restores: written to a temporary name, fsynced, then renamed into place. */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentPath } from '../attachments';

export const KEYS_DIR = 'keys';

export function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync on every platform (Windows); the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function writeDurably(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  fsyncPath(tmp);
  renameSync(tmp, path);
}

export function copyDurably(from: string, to: string): void {
  const tmp = `${to}.${process.pid}.tmp`;
  copyFileSync(from, tmp);
  fsyncPath(tmp);
  renameSync(tmp, to);
}

/** Attachments are content-addressed and never change, so a hard link is a faithful copy; copy across devices. */
export function keepAttachment(fromDataDir: string, toDir: string, sha256: string): 'kept' | 'present' | 'missing' {
  const to = attachmentPath(toDir, sha256);
  if (existsSync(to)) return 'present';
  const from = attachmentPath(fromDataDir, sha256);
  if (!existsSync(from)) return 'missing';
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyDurably(from, to);
  }
  return 'kept';
}

/**
 * The desk's signing key pair travels with its backups: a desk restored without it would sign with a new key, and
 * every certificate issued before would verify as signed by an unknown key. Copied once, with its permissions.
 */
export function keepKeys(fromDataDir: string, toDir: string): number {
  const from = join(fromDataDir, KEYS_DIR);
  if (!existsSync(from)) return 0;
  const to = join(toDir, KEYS_DIR);
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let copied = 0;
  for (const name of readdirSync(from)) {
    if (existsSync(join(to, name))) continue;
    copyDurably(join(from, name), join(to, name));
    chmodSync(join(to, name), statSync(join(from, name)).mode & 0o777);
    copied++;
  }
  return copied;
}
