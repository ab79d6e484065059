import { join } from 'node:path';
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { pickLang, translate } from '../../shared/i18n';
import { createDesk, startEscalation } from '../desk';
import { runStartupChecks } from '../startup-checks';
import { servicesFromEnv } from '../host/options';
import { nativeBindingFor, useNativeBinding } from '../db/native';
import { parseMaintenance, setInvocation } from '../cli/invocation';
import { APP_ENTRY, APP_ORIGIN, devRendererOrigin } from './origin';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { DownloadTickets } from './tickets';
import { installGuards } from './security';
import { createWindows } from './windows';
import { wireIpc } from './ipc';
import { installMenu } from './menu';
import { placeAudienceWindow } from './audience';
import { isDocumentUrl, openDocumentWindow } from './documents';
import { createFileAccess } from './files';
import { appDataDir, DEVELOPMENT_VARIABLES, shellEnv } from './rules/launch';
import { runMaintenance } from './maintenance';
import { localBackend, relayBackend, type Backend } from './backend';
import { connectionChannels } from './connection';
import { readConnection, type ConnectionState } from '../remote/connection-file';
import { createConnectionSetup } from '../remote/setup';
import { createRelay } from '../remote/relay';

// A packaged desk ignores the test and development variables (rules/launch.ts), here and in every module.
const env = shellEnv(process.env, app.isPackaged);
if (app.isPackaged) for (const name of DEVELOPMENT_VARIABLES) delete process.env[name];
const maintenance = parseMaintenance(process.argv.slice(1));
const dataDir = appDataDir(env, maintenance && 'dataDir' in maintenance ? maintenance.dataDir : null);

// better-sqlite3 built for Electron's ABI, not the Node build that tests and browser mode load (db/native.ts).
useNativeBinding(
  nativeBindingFor({
    electron: process.versions.electron,
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot: app.getAppPath(),
  }),
);
setInvocation(app.isPackaged ? { kind: 'installed', executable: process.execPath, platform: process.platform } : { kind: 'electron-dev' });
// One data folder for the app and the CLI on every OS; it also scopes the single-instance lock. Chromium's own
// caches go to a subfolder so the data folder stays readable.
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));

app.enableSandbox();
registerAppScheme();

/** Standalone (or not chosen yet): the local desk. Connected: the relay to the district server, no local store. */
function openBackend(connection: ConnectionState): Backend {
  if (connection.mode === 'server') return relayBackend(createRelay({ server: new URL(connection.address), pin: connection.fingerprint }));
  const desk = createDesk(dataDir, servicesFromEnv('electron', env));
  void startEscalation(desk);
  return localBackend(desk);
}

async function start(): Promise<void> {
  const lang = pickLang(app.getPreferredSystemLanguages());
  const backend = openBackend(readConnection(dataDir));
  const setup = createConnectionSetup(dataDir, backend.running, backend.problem);
  const devOrigin = devRendererOrigin(env, app.isPackaged);
  const trusted = new Set([APP_ORIGIN, ...(devOrigin ? [devOrigin] : [])]);
  const tickets = new DownloadTickets();
  const windows = createWindows(join(__dirname, '../preload/index.js'), backend.services, translate(lang, 'app.title'));
  const files = createFileAccess(tickets, windows.connectionOf, trusted);

  handleAppProtocol(join(__dirname, '../renderer'), backend.files, tickets);
  installGuards({
    trusted,
    openAppWindow: (url, opener) => placeAudienceWindow(windows.open(url, opener), url, BrowserWindow.fromWebContents(opener)),
    download: (url, contents) => {
      const target = new URL(url);
      target.search = `?ticket=${tickets.mint(windows.connectionOf(contents), lang)}`;
      if (isDocumentUrl(target)) openDocumentWindow(target.toString(), translate(lang, 'app.title'));
      else contents.downloadURL(target.toString());
    },
    willDownload: (item, contents) => files.onWillDownload(item, contents, lang),
  });
  const unwire = wireIpc(backend, windows, trusted, {
    'shell.fileUrl': (sender, input, language) => files.url(sender, input, language),
    'shell.saveFile': (sender, input, language) => files.save(sender, input, language),
    ...connectionChannels(setup, backend),
  });
  installMenu();
  // After the first window: the sweep and the full integrity check never hold up the first screen.
  if (backend.local) void runStartupChecks(backend.local);

  // will-quit does not come at a Windows shutdown or log-off: session-end (Windows) and powerMonitor's shutdown
  // (Linux, macOS) close the store too, once.
  let closed = false;
  const closeStore = () => {
    if (closed) return;
    closed = true;
    unwire();
    backend.close();
  };
  app.on('will-quit', closeStore);
  powerMonitor.on('shutdown', () => {
    closeStore();
    app.quit();
  });
  app.on('browser-window-created', (_event, win) => win.on('session-end', closeStore));

  if (env.DESK_E2E_INSPECT === '1') {
    (globalThis as { __deskInspect?: unknown }).__deskInspect = {
      preferences: (webContentsId: number) => windows.applied.get(webContentsId) ?? null,
      trusted: [...trusted],
      dataDir,
      connection: backend.running,
      mainWindowId: () => windows.main()?.id ?? null,
    };
  }

  app.on('second-instance', () => {
    const win = windows.main() ?? BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  windows.open(devOrigin ? env.ELECTRON_RENDERER_URL! : APP_ENTRY);
}

function fail(err: unknown): void {
  dialog.showErrorBox('Desk', err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
}

if (maintenance) {
  runMaintenance(maintenance, dataDir).then(
    (code) => app.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      app.exit(1);
    },
  );
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch(fail);
}
