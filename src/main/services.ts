import { EventEmitter } from 'node:events';
import type { DeskEvent, DeskEvents } from '../shared/contract';
import type { Actor } from '../shared/contract/auth';
import type { Lang } from '../shared/i18n';
import type { Settings } from '../shared/schemas/settings';
import type { Store } from './db/store';
import type { Trx } from './db/connection';
import { appendAudit, type AuditInput } from './db/audit';
import { loadSettings } from './db/settings';
import { closeWrite, headAfter, moveHead, writeTransaction } from './db/store-ops';
import { findKey, recordKey } from './db/idempotency';
import type { SessionSlot } from './sessions';
import type { RefusalTally } from './refusals';
import { DeskError } from '../shared/result';
import { OWASP_SCRYPT } from './passwords';
import { toIsoDate } from '../shared/domain/calendar';

export type Mode = 'electron' | 'browser' | 'server' | 'test';

/** Everything a handler may use. Created once per process; handlers never reach for globals. */
export interface Services<S extends Store = Store> {
  store: S;
  mode: Mode;
  /** Injectable clock: tests walk time forward without sleeping. */
  clock: () => Date;
  /**
   * Session secrets the main process holds for its own connections (Electron windows, tests), keyed by a connection
   * id the main process assigned. Browsers hold theirs in a cookie; the sessions themselves live in the store.
   */
  sessions: Map<string, string>;
  events: EventEmitter;
  scrypt: { N: number; r: number; p: number };
  /** Validate every handler's output against the contract (on in tests). */
  checkOutputs: boolean;
  /**
   * Session limits that override Settings; only tests that walk the clock by days set it, so their long-lived
   * sign-ins last (as `scrypt` is lowered for tests). Never set in a running desk.
   */
  sessionLimits?: { idleMinutes: number; absoluteHours: number };
  /** Refusals of callers not signed in, counted per client per minute (set by the dispatch). */
  refusals?: RefusalTally;
}

export function createServices<S extends Store>(store: S, opts: Partial<Omit<Services, 'store'>> = {}): Services<S> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    store,
    mode: opts.mode ?? 'test',
    clock: opts.clock ?? (() => new Date()),
    sessions: opts.sessions ?? new Map(),
    events,
    scrypt: opts.scrypt ?? OWASP_SCRYPT,
    checkOutputs: opts.checkOutputs ?? false,
    ...(opts.sessionLimits ? { sessionLimits: opts.sessionLimits } : {}),
  };
}

export interface Ctx {
  services: Services;
  actor: Actor | null;
  now: Date;
  lang: Lang;
  connectionId: string;
  /** Set by dispatch when the contract declares the channel idempotent: the key its effect records. */
  idempotent?: IdempotentCall;
  /** Where the call came from (an IP address in browser mode, `local` inside Electron); login limits count per address. */
  clientAddress?: string;
  /** Where the transport keeps this caller's session secret; sign-in and sign-out set it. */
  session?: SessionSlot;
  /** A bulk load (the demo set) leaves its notices to be stored on first read, so loading renders no PDFs. */
  lazyNotices?: boolean;
  /** The settings as read with the caller's session (dispatch sets it), so a handler need not read them again. */
  settings?: Settings;
}

export interface IdempotentCall {
  channel: string;
  key: string;
  /** Whether the handler ran its effect through writeOnce (dispatch checks it did). */
  ran: boolean;
}

/** The settings for this request: as read with the caller's session, else from the store. */
export const settingsOf = (ctx: Ctx): Promise<Settings> =>
  ctx.settings ? Promise.resolve(ctx.settings) : loadSettings(ctx.services.store.db);

/** The desk's calendar date of the request. */
export const todayOf = (ctx: Ctx) => toIsoDate(ctx.now);

export type AuditEntry = Omit<AuditInput, 'actorId' | 'actorName' | 'unit' | 'outcome'> & Partial<Pick<AuditInput, 'outcome'>>;

/** What a write may record: its audit entries, appended in the same transaction. */
export interface WriteScope {
  trx: Trx;
  audit(entry: AuditEntry): Promise<void>;
}

/** Appends one audit entry in `trx` as the request's actor, at the request's time. */
export async function auditAs(trx: Trx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await appendAudit(
    trx,
    { actorId: actor?.id ?? null, actorName: actor?.displayName ?? null, unit: actor?.unit ?? null, outcome: 'ok', ...entry },
    ctx.now,
  );
}

/**
 * Runs `fn` in one IMMEDIATE transaction with its audit entries, then moves the external chain head forward.
 * A half-finished change never shows: either all of it commits, or none.
 */
export async function write<T>(ctx: Ctx, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  const { store } = ctx.services;
  let written: Trx | null = null;
  const result = await writeTransaction(store, async (trx) => {
    written = trx;
    const value = await fn({ trx, audit: (entry) => auditAs(trx, ctx, entry) });
    // rows-1: covered rows written after the transaction's last entry still get their hashes on the record.
    await closeWrite(store, trx, () => auditAs(trx, ctx, { action: 'rows.written', target: null }));
    return value;
  });
  const head = await headAfter(store, written!);
  if (head) moveHead(store, head);
  return result;
}

export function emit<E extends DeskEvent>(services: Services, event: E, payload: DeskEvents[E]): void {
  services.events.emit('desk-event', event, payload);
}

/**
 * The one idempotency envelope, for the effect of a channel the contract declares idempotent. Inside the same
 * IMMEDIATE transaction as the effect it looks the key up: the same actor retrying the same channel gets the first
 * outcome back (a crash between commit and reply, or a retry racing its own first attempt, acts once); the key used
 * by anyone or anything else is a CONFLICT. Otherwise `fn` runs and its result is recorded with the key.
 */
export async function writeOnce<T>(ctx: Ctx, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  const call = ctx.idempotent;
  if (!call) throw new Error('writeOnce runs only for a channel the contract declares idempotent');
  call.ran = true;
  const actorId = ctx.actor?.id ?? null;
  return write(ctx, async (scope) => {
    const prior = await findKey(scope.trx, call.key);
    if (prior) {
      if (prior.channel === call.channel && prior.actorId === actorId) return JSON.parse(prior.result) as T;
      throw new DeskError('CONFLICT', 'err.CONFLICT');
    }
    const result = await fn(scope);
    await recordKey(scope.trx, call.key, call.channel, actorId, JSON.stringify(result ?? null), ctx.now.toISOString());
    return result;
  });
}
