import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
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

/** writeDurably without holding the event loop: the same steps, each fsync on libuv's thread pool. */
export async function writeDurablyAsync(path: string, text: string, mode = 0o644): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const file = await open(tmp, 'w', mode);
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
  const folder = await open(dirname(path), 'r').catch(() => null); // see fsyncPath
  if (folder)
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close());
}
