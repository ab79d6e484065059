import type { Result } from '../../../shared/result';
import { getLanguage, fileUrl } from './client';

/**
 * Files for the page itself. Inside Electron the protocol handler needs a one-use ticket the main process mints for
 * this window's session, so the URL is asked for over the bridge; in browser mode the token already rides along.
 */

export interface Saved {
  saved: boolean;
  /** Where the file went, when the desktop app knows (browser mode leaves that to the browser). */
  path?: string;
}

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

function isResult<T>(v: unknown): v is Result<T> {
  return !!v && typeof v === 'object' && 'ok' in v;
}

/** A URL this page may fetch once (e.g. to draw a certificate with pdf.js). */
export async function fetchableFileUrl(kind: string, id: string | number): Promise<Result<string>> {
  const desk = window.desk;
  if (!desk) return { ok: true, value: fileUrl(kind, id) };
  const r: unknown = await desk.invoke('shell.fileUrl', { kind, id: String(id) }, getLanguage()).catch(() => null);
  if (!isResult<{ url: string }>(r)) return failure('file link refused');
  return r.ok ? { ok: true, value: r.value.url } : r;
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `HTTP ${response.status}`;
}

/**
 * Saves a generated file: through the desktop app's save dialog, or as a browser download of bytes already fetched.
 * Answers only once the outcome is known, so a toast can say saved, cancelled or failed and mean it.
 */
export async function saveFile(kind: string, id: string | number, filename: string): Promise<Result<Saved>> {
  const desk = window.desk;
  if (desk) {
    const r: unknown = await desk.invoke('shell.saveFile', { kind, id: String(id), filename }, getLanguage()).catch(() => null);
    return isResult<Saved>(r) ? r : failure('save refused');
  }
  try {
    const response = await fetch(fileUrl(kind, id), { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return failure(await errorOf(response));
    const href = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return { ok: true, value: { saved: true } };
  } catch (err) {
    return failure(err instanceof Error ? err.message : String(err));
  }
}
