import { app, BrowserWindow, ipcMain, type WebContents } from 'electron';
import { LANGUAGES, pickLang, translate, type Lang } from '../../shared/i18n';
import type { Desk } from '../desk';
import { isTrustedUrl } from './origin';
import type { Windows } from './windows';

/**
 * The IPC half of the transport: one invoke channel into the shared dispatch, one event channel out.
 * Every message's sender frame must be the app itself; anything else gets FORBIDDEN and nothing runs.
 */
/** Requests the shell answers itself, through the same bridge (`invoke`): things only the main process can do. */
export type ShellChannels = Record<string, (sender: WebContents, input: unknown, lang: Lang) => unknown>;

/** The local desk or the relay to the district server (backend.ts): a dispatch and a 'desk-event' emitter. */
type Served = Pick<Desk, 'dispatch'> & { services: { events: Desk['services']['events'] } };

export function wireIpc(desk: Served, windows: Windows, trusted: ReadonlySet<string>, shell: ShellChannels = {}): () => void {
  const systemLang = (): Lang => pickLang(app.getPreferredSystemLanguages());

  ipcMain.handle('desk:invoke', async (event, channel: unknown, input: unknown, lang: unknown) => {
    const language: Lang = typeof lang === 'string' && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Lang) : systemLang();
    const frame = event.senderFrame;
    if (!frame || !isTrustedUrl(frame.url, trusted)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: translate(language, 'err.FORBIDDEN') } };
    }
    const own = Object.hasOwn(shell, String(channel)) ? shell[String(channel)] : undefined;
    if (own) return own(event.sender, input, language);
    return desk.dispatch(String(channel), input, { connectionId: windows.connectionOf(event.sender), lang: language });
  });

  const forward = (name: string, payload: unknown) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (!contents.isDestroyed() && isTrustedUrl(contents.getURL(), trusted)) contents.send('desk:event', name, payload);
    }
  };
  desk.services.events.on('desk-event', forward);

  return () => {
    ipcMain.removeHandler('desk:invoke');
    desk.services.events.off('desk-event', forward);
  };
}
