/**
 * Browser mode's per-launch token, kept per tab (sessionStorage is copied into a window opened with window.open, so
 * the audience window has it too). The signed-in session is not here: the desk keeps it in an HttpOnly cookie that
 * no script can read.
 */
const TOKEN_KEY = 'desk.token';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let token: string | null = null;

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
