import { isTrustedUrl, originOf } from '../origin';

/** `app://desk/files/…` (or the dev server's /files/…): a generated file, never a page to navigate to. */
export const isFileUrl = (url: string): boolean => /^[a-z]+:\/\/[^/]+\/files\//.test(url);

/** Chromium's built-in PDF viewer (the document windows): its own frames may load inside them, never as a page. */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * What to do with a frame navigation. Only a main-frame navigation to a file route becomes a download: inner frames
 * (Chromium's PDF viewer inside a document window) load the file they were given. Outside the app: refused.
 */
export function navigationDecision(url: string, isMainFrame: boolean, trusted: ReadonlySet<string>): 'download' | 'allow' | 'deny' {
  if (!isMainFrame && url.startsWith(`${PDF_VIEWER_ORIGIN}/`)) return 'allow';
  if (!isTrustedUrl(url, trusted)) return 'deny';
  return isMainFrame && isFileUrl(url) ? 'download' : 'allow';
}

/** window.open / target=_blank: a file route downloads (or opens a document window), an app page opens an app window. */
export function windowOpenDecision(url: string, trusted: ReadonlySet<string>): 'download' | 'app-window' | 'deny' {
  if (!isTrustedUrl(url, trusted)) return 'deny';
  return isFileUrl(url) ? 'download' : 'app-window';
}

/**
 * Permission requests: everything is denied except full screen for the app's own pages (the audience window's
 * requestFullscreen). The requesting URL decides, not the window, so a foreign frame inside the app gets nothing.
 */
export function permissionGranted(permission: string, requestingUrl: string | undefined, trusted: ReadonlySet<string>): boolean {
  return permission === 'fullscreen' && isTrustedUrl(requestingUrl ?? '', trusted);
}

/** Synchronous permission checks: printing and full screen, for the app's own origin only. */
export function permissionCheck(permission: string, requestingOrigin: string, trusted: ReadonlySet<string>): boolean {
  return (permission === 'web-printing' || permission === 'fullscreen') && trusted.has(originOf(requestingOrigin) ?? '');
}

/** A download is the app's own: a file route, or a blob the app's page made (e.g. the trajectory map as PNG). */
export function downloadAllowed(url: string, trusted: ReadonlySet<string>): boolean {
  return isTrustedUrl(url.startsWith('blob:') ? url.slice('blob:'.length) : url, trusted);
}
