import { app, BrowserWindow, dialog, type DownloadItem, type WebContents } from 'electron';
import { translate, type Lang } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import type { DownloadTickets } from './tickets';
import { APP_ORIGIN } from './origin';
import { defaultSavePath, downloadOutcome, fileRoute, parseFileRequest, type FileRequest, type SaveOutcome } from './rules/downloads';
import { downloadAllowed } from './rules/navigation';

interface Pending {
  filename?: string;
  lang: Lang;
  timer: NodeJS.Timeout;
  resolve(result: Result<SaveOutcome>): void;
}

/**
 * How the renderer gets files inside Electron. The protocol handler cannot tell which window asked, so every file
 * URL carries a one-use ticket minted here, in the main process, for the session of the window that asks
 * (`sessionOf`): whatever holds a window's session, the ticket follows it.
 * - `url`: a ticketed URL the page may fetch once (the certificate preview).
 * - `save`: a download through a save dialog, answered only when the file is written, cancelled or failed.
 * - `onWillDownload`: every download of the session (links, blobs, `save`) gets the dialog; foreign ones are cancelled.
 */
export function createFileAccess(tickets: DownloadTickets, sessionOf: (contents: WebContents) => string, trusted: ReadonlySet<string>) {
  // Keyed by ticket: the one part of the URL that is unique to this request.
  const pending = new Map<string, Pending>();
  const ticketOf = (url: string): string => {
    try {
      return new URL(url).searchParams.get('ticket') ?? '';
    } catch {
      return '';
    }
  };

  const ticketed = (contents: WebContents, req: FileRequest, lang: Lang): string =>
    `${fileRoute(APP_ORIGIN, req)}?ticket=${tickets.mint(sessionOf(contents), lang)}`;

  const invalid = (lang: Lang): Result<never> => ({ ok: false, error: { code: 'INVALID', message: translate(lang, 'err.INVALID') } });

  function url(contents: WebContents, input: unknown, lang: Lang): Result<{ url: string }> {
    const req = parseFileRequest(input);
    return req ? { ok: true, value: { url: ticketed(contents, req, lang) } } : invalid(lang);
  }

  function save(contents: WebContents, input: unknown, lang: Lang): Promise<Result<SaveOutcome>> {
    const req = parseFileRequest(input);
    if (!req) return Promise.resolve(invalid(lang));
    const target = ticketed(contents, req, lang);
    return new Promise((resolve) => {
      // Only until the download starts: the person may take as long as they like in the dialog.
      const timer = setTimeout(() => {
        pending.delete(ticketOf(target));
        resolve({ ok: false, error: { code: 'INTERNAL', message: translate(lang, 'desk.download.failed') } });
      }, 30_000);
      pending.set(ticketOf(target), { ...(req.filename ? { filename: req.filename } : {}), lang, timer, resolve });
      contents.downloadURL(target);
    });
  }

  function onWillDownload(item: DownloadItem, contents: WebContents | undefined, lang: Lang): void {
    if (!downloadAllowed(item.getURL(), trusted)) return item.cancel();
    const wait = pending.get(ticketOf(item.getURL()));
    pending.delete(ticketOf(item.getURL()));
    if (wait) clearTimeout(wait.timer);
    const language = wait?.lang ?? lang;
    item.setSaveDialogOptions({
      title: translate(language, 'desk.download.title'),
      defaultPath: defaultSavePath(app.getPath('downloads'), wait?.filename ?? item.getFilename(), 'download'),
    });
    item.once('done', (_event, state) => {
      const result = downloadOutcome(state, item.getSavePath(), translate(language, 'desk.download.failed'));
      if (wait) return wait.resolve(result);
      // A link nobody awaits: a failure still has to be said, in the window that asked.
      const win = contents && !contents.isDestroyed() ? BrowserWindow.fromWebContents(contents) : null;
      if (!result.ok && win) void dialog.showMessageBox(win, { type: 'error', message: result.error.message });
    });
  }

  return { url, save, onWillDownload };
}

export type FileAccess = ReturnType<typeof createFileAccess>;
