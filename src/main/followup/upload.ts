import { DeskError } from '../../shared/result';
import { MAX_ATTACHMENT_BYTES, sniffType, storeAttachment } from '../attachments';

/**
 * Checks an uploaded file the way material.attach does (base64, size, type by magic bytes) and stores its bytes
 * durably under their SHA-256 before any row refers to them. `field` is the input path for the error.
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
