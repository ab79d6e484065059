import { EventEmitter } from 'node:events';
import type { DeskEvent, DeskEvents } from '../shared/contract';
import type { Actor } from '../shared/contract/auth';
import type { Lang } from '../shared/i18n';
import type { Store } from './db/store';
import type { Trx } from './db/connection';
import { appendAudit, type AuditInput } from './db/audit';
import { storeHead } from './db/store-ops';
import { OWASP_SCRYPT } from './passwords';
import { toIsoDate } from '../shared/domain/calendar';

export type Mode = 'electron' | 'browser' | 'test';

/** Everything a handler may use. Created once per process; handlers never reach for globals. */
export interface Services<S extends Store = Store> {
  store: S;
  mode: Mode;
  /** Injectable clock: tests walk time forward without sleeping. */
  clock: () => Date;
  /** connectionId -> user id. Identity lives here, in the main process, never in a request. */
  sessions: Map<string, number>;
  events: EventEmitter;
  scrypt: { N: number; r: number; p: number };
  /** Validate every handler's output against the contract (on in tests). */
  checkOutputs: boolean;
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
  };
}

export interface Ctx {
  services: Services;
  actor: Actor | null;
  now: Date;
  lang: Lang;
  connectionId: string;
}

/** The desk's calendar date of the request. */
export const todayOf = (ctx: Ctx) => toIsoDate(ctx.now);

/** What a write may record: its audit entries, appended in the same transaction. */
export interface WriteScope {
  trx: Trx;
  audit(entry: Omit<AuditInput, 'actorId' | 'actorName' | 'unit' | 'outcome'> & Partial<Pick<AuditInput, 'outcome'>>): Promise<void>;
}

/**
 * Runs `fn` in one IMMEDIATE transaction with its audit entries, then moves the external chain head forward.
 * A half-finished change never shows: either all of it commits, or none.
 */
export async function write<T>(ctx: Ctx, fn: (scope: WriteScope) => Promise<T>): Promise<T> {
  const { store } = ctx.services;
  const result = await store.db.transaction().execute(async (trx) =>
    fn({
      trx,
      audit: async (entry) => {
        await appendAudit(
          trx,
          {
            actorId: ctx.actor?.id ?? null,
            actorName: ctx.actor?.displayName ?? null,
            unit: ctx.actor?.unit ?? null,
            outcome: 'ok',
            ...entry,
          },
          ctx.now,
        );
      },
    }),
  );
  const head = await storeHead(store);
  if (head) store.head.advance(head);
  return result;
}

export function emit<E extends DeskEvent>(services: Services, event: E, payload: DeskEvents[E]): void {
  services.events.emit('desk-event', event, payload);
}
