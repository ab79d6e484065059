/**
 * Browser-mode credentials, kept per tab. sessionStorage is copied into a window opened with window.open,
 * so the audience window shares the token and the client id (and therefore the signed-in session).
 */
const TOKEN_KEY = 'desk.token';
const CLIENT_KEY = 'desk.client';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let token: string | null = null;
let client: string | null = null;

/**
 * Reads `#token=…` once, keeps it in sessionStorage and removes it from the address bar (and so from
 * history and screenshots). Anything after `&` in the fragment stays, for hash routes.
 */
export function adoptToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)(?:&(.*))?$/.exec(window.location.hash);
  if (match) {
    token = match[1]!;
    storage()?.setItem(TOKEN_KEY, token);
    const rest = match[2] ? `#${match[2]}` : '';
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest}`);
  }
  token ??= storage()?.getItem(TOKEN_KEY) ?? null;
  return token;
}

export function deskToken(): string | null {
  return token ?? adoptToken();
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random id per tab; the host turns it into the connection the session map knows. */
export function clientId(): string {
  if (client) return client;
  const stored = storage()?.getItem(CLIENT_KEY);
  client = stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored) ? stored : randomId();
  storage()?.setItem(CLIENT_KEY, client);
  return client;
}
