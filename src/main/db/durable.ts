import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** fsync a file or folder; folders cannot be opened for fsync on every platform (Windows), where rename is still atomic. */
export function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // see above
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Replaces `path` so that after a crash or power loss it holds either the old text or the new, never a torn mix:
 * temporary file, fsync, rename over, fsync the folder (so the rename itself is on disk).
 */
export function writeDurably(path: string, text: string, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(tmp, text, { mode });
  fsyncPath(tmp);
  renameSync(tmp, path);
  fsyncPath(dirname(path));
}
