import { app, session, type DownloadItem, type WebContents, type WebPreferences } from 'electron';
import { isTrustedUrl } from './origin';
import { navigationDecision, permissionCheck, permissionGranted, windowOpenDecision } from './rules/navigation';

/**
 * The settings every window gets (reliability.md, "Electron settings every window must have").
 * Nothing here is left to Electron's defaults, so a future default change cannot loosen them.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface GuardHooks {
  trusted: ReadonlySet<string>;
  /** window.open of an app URL: open another app window (the audience display). */
  openAppWindow(url: string, opener: WebContents): void;
  /** A link to /files/… inside the app: hand it to the download machinery instead of navigating. */
  download(url: string, contents: WebContents): void;
  /** Every download of the session: the app's own get a save dialog, others are cancelled (files.ts). */
  willDownload(item: DownloadItem, contents: WebContents | undefined): void;
}

/** Navigation, new windows, webviews and permissions: everything outside the app itself is refused. */
export function installGuards(hooks: GuardHooks): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-frame-navigate', (details) => {
      const decision = navigationDecision(details.url, details.isMainFrame, hooks.trusted);
      if (decision === 'allow') return;
      details.preventDefault();
      if (decision === 'download') hooks.download(details.url, contents);
    });
    contents.on('will-redirect', (details) => {
      if (!isTrustedUrl(details.url, hooks.trusted)) details.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url, hooks.trusted);
      if (decision === 'download') hooks.download(url, contents);
      else if (decision === 'app-window') hooks.openAppWindow(url, contents);
      return { action: 'deny' };
    });
  });

  const own = session.defaultSession;
  own.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionGranted(permission, details.requestingUrl || contents.getURL(), hooks.trusted)),
  );
  own.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionCheck(permission, requestingOrigin, hooks.trusted));
  own.setDevicePermissionHandler(() => false);
  own.on('will-download', (_event, item, contents) => hooks.willDownload(item, contents));
}
