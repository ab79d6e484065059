import { contract, type Channel, type DeskEvent, type DeskEvents, type Input, type Output } from '../../../shared/contract';
import { LANGUAGES, pickLang, translate, type Lang } from '../../../shared/i18n';
import type { Result } from '../../../shared/result';
import { adoptToken, deskToken } from './session';
import { createQueryLayer } from './query-layer';
import { createConnection, type LostReason, type Reach } from './connection';

/**
 * The renderer's one way to reach the desk: the preload bridge inside Electron, HTTP in browser mode.
 * Either way the answer is a Result; a transport failure becomes INTERNAL with a message, never a throw.
 */

let language: Lang = typeof navigator === 'undefined' ? 'zh-CN' : pickLang(navigator.languages);

export function setLanguage(lang: Lang): void {
  if ((LANGUAGES as readonly string[]).includes(lang)) language = lang;
}

export function getLanguage(): Lang {
  return language;
}

const bridge = () => (typeof window !== 'undefined' ? window.desk : undefined);

export const isElectron = (): boolean => bridge() !== undefined;

// Take the token out of the address bar before any router reads the fragment.
if (typeof window !== 'undefined' && !window.desk) adoptToken();

function networkFailure<T>(key = translate(language, 'err.network') === 'err.network' ? 'err.INTERNAL' : 'err.network'): Result<T> {
  return { ok: false, error: { code: 'INTERNAL', message: translate(language, key) } };
}

function isResult(v: unknown): v is Result<unknown> {
  if (!v || typeof v !== 'object' || !('ok' in v)) return false;
  const r = v as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true || (r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string');
}

const readOnlyListeners = new Set<() => void>();

/** A write refused READ_ONLY: the desk went read-only after start (its background integrity check failed). */
export function onReadOnly(cb: () => void): () => void {
  readOnlyListeners.add(cb);
  return () => readOnlyListeners.delete(cb);
}

const unauthenticatedListeners = new Set<() => void>();

/** A call refused UNAUTHENTICATED (not a sign-in itself): the session this window had has expired or was ended. */
export function onUnauthenticated(cb: () => void): () => void {
  unauthenticatedListeners.add(cb);
  return () => unauthenticatedListeners.delete(cb);
}

// Signed out here on purpose: refusals of calls still on their way are expected, not a session that ended.
let signedOut = false;

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  if (channel === 'auth.logout') signedOut = true;
  const result = await queries.call(channel, input);
  if (result.ok && (channel === 'auth.login' || channel === 'auth.setup')) signedOut = false;
  if (!result.ok && result.error.code === 'READ_ONLY') for (const cb of readOnlyListeners) cb();
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !channel.startsWith('auth.') && !signedOut)
    for (const cb of unauthenticatedListeners) cb();
  return result;
}

/**
 * Straight to the desk, past the query layer: for questions about a write still on its way (an export's progress and
 * its cancel), which must neither wait for that write to finish nor be answered from the cache.
 */
export function callDirect<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  return send(channel, input);
}

/** What a transport's answer says about reaching the desk: a gateway or unavailable status is out of reach. */
function reachOf(status: number, body: unknown): Reach {
  const code = isResult(body) && !body.ok ? body.error.code : null;
  if (code === 'UNAVAILABLE') return 'database';
  // The connected desktop app's relay found the district server out of reach: a network failure, as in browser mode.
  if (code === 'UNREACHABLE') return 'network';
  return status >= 502 && status <= 504 && code !== 'RATE_LIMITED' ? 'network' : 'ok';
}

/** One call to the desk, and whether it was reached. */
async function exchange<C extends Channel>(channel: C, input: Input<C>): Promise<{ result: Result<Output<C>>; reach: Reach }> {
  const desk = bridge();
  try {
    if (desk) {
      const answer = await desk.invoke(channel, input, language);
      return { result: isResult(answer) ? (answer as Result<Output<C>>) : networkFailure(), reach: reachOf(200, answer) };
    }
    const response = await fetch(`/rpc/${channel}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-desk-token': deskToken() ?? '',
        'x-desk-lang': language,
      },
      body: JSON.stringify(input ?? {}),
      // The session cookie (HttpOnly, SameSite=Strict) goes with every call to the desk's own origin.
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const body: unknown = await response.json().catch(() => null);
    // The live stream needs a signed-in session: open it again under the session just issued (or ended).
    if (isResult(body) && body.ok && SESSION_CHANNELS.has(channel)) restartSource();
    return { result: isResult(body) ? (body as Result<Output<C>>) : networkFailure('conn.notSent'), reach: reachOf(response.status, body) };
  } catch {
    return desk ? { result: networkFailure(), reach: 'ok' } : { result: networkFailure('conn.notSent'), reach: 'network' };
  }
}

async function send<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  const { result, reach } = await exchange(channel, input);
  if (reach === 'ok') void connection.succeeded();
  else connection.failed(reach);
  return result;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let source: EventSource | null = null;

function query(extra: Record<string, string> = {}): string {
  // Only the language: links and the live stream carry no secret and no client id; the session cookie does.
  return new URLSearchParams({ lang: language, ...extra }).toString();
}

const SESSION_CHANNELS = new Set<string>(['auth.login', 'auth.setup', 'auth.logout', 'auth.changePassword']);

function restartSource(): void {
  source?.close();
  source = null;
  if ([...listeners.values()].some((s) => s.size > 0)) ensureSource();
}

/**
 * One EventSource per tab, shared by every subscriber; it reconnects by itself after a drop. Refused (no session
 * yet, or it expired), the browser gives up on it; it is tried again a little later and after every sign-in.
 */
function ensureSource(): void {
  if (source) return;
  const own = new EventSource(`/events?${query()}`);
  source = own;
  own.onerror = () => {
    // The stream broke (the server gone, or it refused the stream): whether the server is still there, a probe says.
    connection.failed('network');
    if (own.readyState !== EventSource.CLOSED || source !== own) return;
    source = null;
    setTimeout(() => {
      if (!source && [...listeners.values()].some((s) => s.size > 0)) ensureSource();
    }, 10_000);
  };
  own.onmessage = (message: MessageEvent<string>) => {
    let parsed: { event?: unknown; payload?: unknown };
    try {
      parsed = JSON.parse(message.data) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.event !== 'string') return;
    for (const cb of listeners.get(parsed.event) ?? []) cb(parsed.payload);
  };
}

export function subscribe<E extends DeskEvent>(event: E, cb: (payload: DeskEvents[E]) => void): () => void {
  const desk = bridge();
  if (desk) return desk.subscribe(event, cb as Listener);
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  const own: Listener = (payload) => cb(payload as DeskEvents[E]);
  set.add(own);
  ensureSource();
  return () => {
    set.delete(own);
    if ([...listeners.values()].every((s) => s.size === 0)) {
      source?.close();
      source = null;
    }
  };
}

/** Reads go through the query layer's cache (./query-layer.ts); writes go straight to the desk and update it. */
// Signing out changes who is asking (it writes no data, so the contract does not list it as a write): never cached.
export const queries = createQueryLayer({ send, subscribe, isWrite: (channel) => contract[channel].writes || channel === 'auth.logout' });

const reconnectedListeners = new Set<() => void>();

/** Called when the desk answers again after it was lost, once every cached answer is stale: reload what is shown. */
export function onReconnected(cb: () => void): () => void {
  reconnectedListeners.add(cb);
  return () => reconnectedListeners.delete(cb);
}

/** Every cached answer stale, a fresh live stream (events sent while it was down are gone), every screen asks again. */
export async function reloadEverything(): Promise<void> {
  await queries.invalidateAll();
  if (!bridge()) restartSource();
  for (const cb of reconnectedListeners) cb();
}

/** Lost at the first failed call or broken live stream; probed with a cheap read; everything reloaded when back. */
export const connection = createConnection({
  probe: async () => (await exchange('auth.status', {})).reach,
  onBack: () => reloadEverything(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});
export type { LostReason };

// The connected desktop app: the main process relays the server's live stream and says when it breaks (confirmed
// by a probe at once, as a broken EventSource is in browser mode) and when it is open again.
bridge()?.subscribe('connection.live', (payload) => {
  if ((payload as { open?: unknown } | null)?.open === false) connection.failed('network');
  else void connection.succeeded();
});

/** A URL for `<a href>` or window.open that downloads a generated file (certificates, exports). */
export function fileUrl(kind: string, id: string | number): string {
  const path = `/files/${encodeURIComponent(kind)}/${encodeURIComponent(String(id))}`;
  return isElectron() ? `app://desk${path}` : `${path}?${query()}`;
}
