import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { pickLang, translate } from '../../shared/i18n';
import { createDesk, startEscalation } from '../desk';
import { servicesFromEnv } from '../host/options';
import { APP_ENTRY, APP_ORIGIN, devRendererOrigin } from './origin';
import { DownloadTickets, handleAppProtocol, registerAppScheme } from './protocol';
import { installGuards } from './security';
import { createWindows } from './windows';
import { wireIpc } from './ipc';
import { installMenu } from './menu';
import { placeAudienceWindow } from './audience';
import { isDocumentUrl, openDocumentWindow } from './documents';

// Data stays on this machine: on Windows under LOCALAPPDATA, never in the roaming profile (WAL needs a local disk).
if (process.platform === 'win32' && process.env.LOCALAPPDATA) app.setPath('userData', join(process.env.LOCALAPPDATA, 'PilotDesk'));
// Tests and portable installs point the desk at their own folder (also scopes the single-instance lock).
if (process.env.DESK_DATA_DIR) app.setPath('userData', resolve(process.env.DESK_DATA_DIR));

app.enableSandbox();
registerAppScheme();

async function start(): Promise<void> {
  const lang = pickLang(app.getPreferredSystemLanguages());
  const desk = createDesk(app.getPath('userData'), servicesFromEnv('electron'));
  void startEscalation(desk);
  const devOrigin = devRendererOrigin(process.env, app.isPackaged);
  const trusted = new Set([APP_ORIGIN, ...(devOrigin ? [devOrigin] : [])]);
  const tickets = new DownloadTickets();
  const windows = createWindows(join(__dirname, '../preload/index.js'), desk.services, translate(lang, 'app.title'));

  handleAppProtocol(join(__dirname, '../renderer'), desk.files, tickets);
  installGuards({
    trusted,
    openAppWindow: (url, opener) => placeAudienceWindow(windows.open(url, opener), url, BrowserWindow.fromWebContents(opener)),
    download: (url, contents) => {
      const target = new URL(url);
      target.search = `?ticket=${tickets.mint(windows.connectionOf(contents), lang)}`;
      if (isDocumentUrl(target)) openDocumentWindow(target.toString(), translate(lang, 'app.title'));
      else contents.downloadURL(target.toString());
    },
  });
  const unwire = wireIpc(desk, windows, trusted);
  installMenu();

  if (process.env.DESK_E2E_INSPECT === '1') {
    (globalThis as { __deskInspect?: unknown }).__deskInspect = {
      preferences: (webContentsId: number) => windows.applied.get(webContentsId) ?? null,
      trusted: [...trusted],
    };
  }

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('will-quit', () => {
    unwire();
    desk.close();
  });
  windows.open(devOrigin ? process.env.ELECTRON_RENDERER_URL! : APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('Desk', err instanceof Error ? (err.stack ?? err.message) : String(err));
      app.exit(1);
    });
}
