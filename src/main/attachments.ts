import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncPath } from './db/durable';
import { DeskError } from '../shared/result';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Type by content (magic bytes), never by name. OFD is a ZIP package whose root holds OFD.xml. */
export function sniffType(bytes: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/ofd' | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && b.subarray(0, 64 * 1024).includes('OFD.xml', 0, 'latin1'))
    return 'application/ofd';
  return null;
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Where upload bytes wait until the row that refers to them has committed (same file system, so the move is atomic). */
export const STAGING_DIR = '.incoming';

/** An upload whose bytes are on disk under a temporary name, not yet under its content address. */
export interface StagedFile {
  sha256: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/ofd';
  size: number;
  name: string;
  /** The temporary file (always one of its own: an existing file of the same content may be an orphan being swept). */
  staged: string;
}

/**
 * Writes bytes durably (write, fsync) under a temporary name of their own. Only `placeStaged`, after the row commits,
 * moves them under their SHA-256, so a refused or failed write never leaves a file without its row.
 */
function stageBytes(dataDir: string, bytes: Uint8Array, sha256: string): string {
  const dir = join(dataDir, 'attachments', STAGING_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${sha256}.${randomBytes(6).toString('hex')}`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Moves committed uploads under their content address and makes the moves durable. */
export function placeStaged(dataDir: string, files: readonly StagedFile[]): void {
  for (const f of files) {
    const path = attachmentPath(dataDir, f.sha256);
    mkdirSync(dirname(path), { recursive: true });
    try {
      renameSync(f.staged, path);
    } catch (err) {
      // The start-up sweep of another desk on this folder may have placed it already (see attachment-sweep.ts).
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(path)) throw err;
    }
    fsyncPath(dirname(path));
  }
}

/** Removes whatever is still staged (after a refusal, or left over once placed: then nothing is there). */
export function discardStaged(files: readonly StagedFile[]): void {
  for (const f of files) rmSync(f.staged, { force: true });
}

/**
 * Checks and stages the uploads, runs the write, and only after it committed moves the bytes into place; on any
 * failure (STALE, INVALID, a crash of the handler) the staged bytes are removed. A crash between commit and move is
 * repaired by the start-up sweep, which places staged bytes a row refers to.
 */
export async function withUploads<T>(
  dataDir: string,
  files: readonly { file: { name: string; contentBase64: string }; field: string }[],
  write: (stored: StagedFile[]) => Promise<T>,
): Promise<T> {
  const stored: StagedFile[] = [];
  try {
    for (const f of files) stored.push(storeUpload(dataDir, f.file, f.field));
    const value = await write(stored);
    placeStaged(dataDir, stored);
    return value;
  } finally {
    discardStaged(stored);
  }
}

export function readAttachment(dataDir: string, sha256: string): Buffer {
  return readFileSync(attachmentPath(dataDir, sha256));
}

/** Keeps only characters safe in a file name on Windows, macOS and Linux; the original stays in the database. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return cleaned || 'file';
}

/**
 * Checks an uploaded file (base64, size, type by magic bytes) and stages its bytes durably (see withUploads).
 * `field` is the input path the errors are reported at.
 */
function storeUpload(dataDir: string, file: { name: string; contentBase64: string }, field: string): StagedFile {
  const bad = (key: string, path = field) => new DeskError('INVALID', 'err.INVALID', {}, { [path]: { key } });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.contentBase64)) throw bad('v.file.base64', `${field}.contentBase64`);
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw bad('v.file.empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw bad('v.file.tooLarge');
  const mime = sniffType(bytes);
  if (!mime) throw bad('v.file.type');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sha256, mime, size: bytes.length, name: file.name, staged: stageBytes(dataDir, bytes, sha256) };
}
