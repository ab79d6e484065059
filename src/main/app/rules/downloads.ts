import { basename, join } from 'node:path';
import type { Result } from '../../../shared/result';

/** What the renderer may ask for: a file route and an id, nothing that could become a path or another URL. */
export interface FileRequest {
  kind: string;
  id: string;
  /** A suggested file name for the save dialog. */
  filename?: string;
}

export function parseFileRequest(input: unknown): FileRequest | null {
  if (!input || typeof input !== 'object') return null;
  const { kind, id, filename } = input as Record<string, unknown>;
  if (typeof kind !== 'string' || !/^[a-z][a-z-]{0,31}$/.test(kind)) return null;
  const idText = typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id;
  if (typeof idText !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(idText)) return null;
  if (filename !== undefined && typeof filename !== 'string') return null;
  return { kind, id: idText, ...(typeof filename === 'string' ? { filename } : {}) };
}

/** The route a request names, inside the app's origin. */
export function fileRoute(origin: string, req: FileRequest): string {
  return `${origin}/files/${encodeURIComponent(req.kind)}/${encodeURIComponent(req.id)}`;
}

/**
 * The save dialog's starting point: the Downloads folder and the suggested name reduced to a plain file name
 * (no folders, no control characters), so a name from the server cannot point the dialog elsewhere.
 */
export function defaultSavePath(downloadsDir: string, suggested: string | undefined, fallback: string): string {
  const plain = basename((suggested ?? '').replace(/[\\/]/g, '_'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .trim();
  return join(downloadsDir, plain && plain !== '.' && plain !== '..' ? plain : fallback);
}

export type SaveOutcome = { saved: true; path: string } | { saved: false };

/**
 * A finished DownloadItem as the renderer hears it: saved (with where), cancelled by the person (not an error), or a
 * failure with its reason, so a toast never claims a file that was not written.
 */
export function downloadOutcome(state: 'completed' | 'cancelled' | 'interrupted', savePath: string, failure: string): Result<SaveOutcome> {
  if (state === 'completed') return { ok: true, value: { saved: true, path: savePath } };
  if (state === 'cancelled') return { ok: true, value: { saved: false } };
  return { ok: false, error: { code: 'INTERNAL', message: failure } };
}
