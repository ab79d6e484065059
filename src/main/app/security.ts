import { app, session, type WebContents, type WebPreferences } from 'electron';
import { isTrustedUrl, originOf } from './origin';

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
  /** window.open of an app URL: open another app window (the audience display) and return true. */
  openAppWindow(url: string, opener: WebContents): void;
  /** A link to /files/… inside the app: hand it to the download machinery instead of navigating. */
  download(url: string, contents: WebContents): void;
}

const isFileUrl = (url: string) => /^[a-z]+:\/\/[^/]+\/files\//.test(url);

/** Navigation, new windows, webviews and permissions: everything outside the app itself is refused. */
export function installGuards(hooks: GuardHooks): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-frame-navigate', (details) => {
      if (isTrustedUrl(details.url, hooks.trusted) && isFileUrl(details.url)) {
        details.preventDefault();
        hooks.download(details.url, contents);
      } else if (!isTrustedUrl(details.url, hooks.trusted)) details.preventDefault();
    });
    contents.on('will-redirect', (details) => {
      if (!isTrustedUrl(details.url, hooks.trusted)) details.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isTrustedUrl(url, hooks.trusted)) {
        if (isFileUrl(url)) hooks.download(url, contents);
        else hooks.openAppWindow(url, contents);
      }
      return { action: 'deny' };
    });
  });

  const deny = session.defaultSession;
  deny.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deny.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      // Printing from the app's own pages is the one capability the desk uses.
      permission === 'web-printing' && hooks.trusted.has(originOf(requestingOrigin) ?? ''),
  );
  deny.setDevicePermissionHandler(() => false);
  deny.on('will-download', (_event, item) => {
    // Downloads come only from the app's own file routes.
    if (!isTrustedUrl(item.getURL(), hooks.trusted)) item.cancel();
  });
}
