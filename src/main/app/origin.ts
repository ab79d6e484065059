/** The app is served from app://desk/ (a privileged standard scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** In `electron-vite dev` the renderer comes from the Vite server; only then is that origin trusted too. */
export function devRendererOrigin(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  if (packaged || !url) return null;
  try {
    const parsed = new URL(url);
    return parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Standard custom schemes report an opaque "null" origin in some Node versions; rebuild it.
    return parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && trusted.has(origin);
}
