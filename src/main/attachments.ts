import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Stores bytes under their SHA-256, durably (write, fsync, rename) before the database refers to them.
 * Content addressing makes a retry or a duplicate upload harmless.
 */
export function storeAttachment(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = attachmentPath(dataDir, sha256);
  if (existsSync(path)) return sha256;
  mkdirSync(join(dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return sha256;
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
 * Checks an uploaded file (base64, size, type by magic bytes) and stores its bytes durably under their SHA-256
 * before any row refers to them. `field` is the input path the errors are reported at.
 */
export function storeUpload(dataDir: string, file: { name: string; contentBase64: string }, field: string) {
  const bad = (key: string, path = field) => new DeskError('INVALID', 'err.INVALID', {}, { [path]: { key } });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.contentBase64)) throw bad('v.file.base64', `${field}.contentBase64`);
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw bad('v.file.empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw bad('v.file.tooLarge');
  const mime = sniffType(bytes);
  if (!mime) throw bad('v.file.type');
  return { sha256: storeAttachment(dataDir, bytes), mime, size: bytes.length, name: file.name };
}
