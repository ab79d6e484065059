import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';

/** File routes that are printable documents: they open in a viewer window instead of downloading. */
const DOCUMENT_KINDS = new Set(['certificate', 'notice', 'minutes']);

export function isDocumentUrl(url: URL): boolean {
  const [, files, kind] = url.pathname.split('/');
  return files === 'files' && DOCUMENT_KINDS.has(kind ?? '');
}

/**
 * Certificates, notices and minutes open in a window of their own with Chromium's PDF viewer, whose toolbar gives the
 * system print dialog and "Save as PDF". The window has no preload and no bridge to the desk: it only shows the
 * bytes its one-use download ticket fetched.
 */
export function openDocumentWindow(url: string, title: string): BrowserWindow {
  const { preload: _none, ...prefs } = secureWebPreferences('');
  const win = new BrowserWindow({
    width: 900,
    height: 1100,
    title,
    autoHideMenuBar: true,
    webPreferences: { ...prefs, plugins: true },
  });
  void win.loadURL(url);
  return win;
}
