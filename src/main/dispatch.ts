import type { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../shared/contract';
import type { Actor } from '../shared/contract/auth';
import { translate, type Lang } from '../shared/i18n';
import { renderDeep } from '../shared/i18n/stored';
import { issueFields, type IssueLike } from '../shared/schemas/issues';
import { DeskError, fail, ok, type AppError, type Result } from '../shared/result';
import { write, type Ctx, type IdempotentCall, type Services } from './services';
import { heldSlot, resolveSession, type SessionSlot } from './sessions';
import { RefusalTally } from './refusals';
import { refusalTarget } from './refusal-target';
import { isAuthorityRefusal } from './db/refusals';
import { isDatabaseUnavailable } from './db/unavailable';

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: Ctx,
) => Promise<z.input<(typeof contract)[C]['output']>> | z.input<(typeof contract)[C]['output']>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface CallContext {
  /** Identifies the window or browser tab; the session map turns it into a user. */
  connectionId: string;
  /** Where the transport keeps the caller's session secret (browser mode: the cookie). */
  session?: SessionSlot;
  lang: Lang;
  /** The caller's network address as the transport saw it; `local` when there is no network in between. */
  clientAddress?: string;
}

export function zodFields(error: z.ZodError, lang: Lang): Record<string, string> {
  return issueFields(error.issues as unknown as IssueLike[], (key, params) => translate(lang, key, params));
}

export function toAppError(err: DeskError, lang: Lang): AppError {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, translate(lang, v.key, v.params)]))
    : undefined;
  return {
    code: err.code,
    message: translate(lang, err.key, err.params),
    ...(fields ? { fields } : {}),
    ...(err.current !== undefined ? { current: err.current } : {}),
  };
}

/** The key an idempotent channel's input carries, as its contract definition says; undefined for other channels. */
export function idempotentCall(channel: Channel, input: unknown): IdempotentCall | undefined {
  const { idempotent } = contract[channel] as { idempotent?: true | { keyOf: (i: unknown) => string } };
  if (!idempotent) return undefined;
  const key = idempotent === true ? (input as { idempotencyKey: string }).idempotencyKey : idempotent.keyOf(input);
  return { channel, key, ran: false };
}

/** The caller's session slot: the transport's own, or the one the main process holds for its connection. */
export function callerSlot(services: Services, call: CallContext): SessionSlot {
  return call.session ?? heldSlot(services.sessions, call.connectionId);
}

export type Dispatch = (channel: string, input: unknown, call: CallContext) => Promise<Result<unknown>>;

/**
 * The one entry point behind every transport (Electron IPC, browser-mode HTTP, tests):
 * validate with the contract, find the caller from the session, check access, run, return a Result.
 */
export function createDispatch(services: Services, handlers: Handlers): Dispatch {
  // A refusal is on the record like any change: one audited write, the chain head moved on.
  const denied = async (channel: string, actor: Actor | null, now: Date, reason: string, input?: unknown): Promise<void> => {
    if (!services.store.health.ok) return;
    await write({ services, actor, now, lang: 'zh-CN', connectionId: 'dispatch' }, ({ audit }) =>
      audit({ action: channel, target: actor ? refusalTarget(input) : null, outcome: 'denied', after: { reason } }),
    );
  };

  // Unauthenticated refusals: one audited entry per client per minute with a count, never one per call.
  const refusals = new RefusalTally(async (counts) => {
    if (!services.store.health.ok) return;
    await write({ services, actor: null, now: services.clock(), lang: 'zh-CN', connectionId: 'dispatch' }, async ({ audit }) => {
      for (const c of counts)
        await audit({
          action: 'auth.refused',
          target: `client:${c.client}`,
          outcome: 'denied',
          after: { reason: 'unauthenticated', ...c },
        });
    });
  });
  services.refusals = refusals;

  // The database out of reach (the district server's PostgreSQL restarting) anywhere in a call, the session lookup
  // included: a stable UNAVAILABLE the client can retry, never an unanswered request.
  return async function dispatch(channelName, rawInput, call) {
    try {
      return await dispatchOnce(channelName, rawInput, call);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      console.error(`[dispatch] ${channelName}: the database cannot be reached (${(err as Error).message})`);
      return fail({ code: 'UNAVAILABLE', message: translate(call.lang, 'err.UNAVAILABLE') });
    }
  };

  async function dispatchOnce(channelName: string, rawInput: unknown, call: CallContext): Promise<Result<unknown>> {
    const { lang } = call;
    const now = services.clock();
    const error = (code: AppError['code'], key: string, params: Record<string, string | number> = {}) =>
      fail({ code, message: translate(lang, key, params) });
    if (!isChannel(channelName)) return error('NOT_FOUND', 'err.unknownChannel');
    const def = contract[channelName];
    const slot = callerSlot(services, call);
    const resolved = await resolveSession(services, slot, now);
    const actor = resolved?.actor ?? null;
    // A secret that no longer opens a session (expired, ended, account disabled) is dropped by its transport too.
    if (slot.secret && !actor) slot.set(null);

    if (def.access !== 'public') {
      if (!actor) {
        refusals.note(call.clientAddress ?? 'local', channelName, now);
        return error('UNAUTHENTICATED', 'err.UNAUTHENTICATED');
      }
      if (def.access !== 'user' && !def.access.includes(actor.role)) {
        await denied(channelName, actor, now, `role ${actor.role}`, rawInput);
        return error('FORBIDDEN', 'err.FORBIDDEN');
      }
    }
    if (def.writes && !services.store.health.ok) return error('READ_ONLY', 'err.READ_ONLY');

    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) return fail({ code: 'INVALID', message: translate(lang, 'err.INVALID'), fields: zodFields(parsed.error, lang) });

    const idempotent = idempotentCall(channelName, parsed.data);
    const ctx: Ctx = {
      services,
      actor,
      now,
      lang,
      connectionId: call.connectionId,
      idempotent,
      clientAddress: call.clientAddress ?? 'local',
      session: slot,
      ...(resolved ? { settings: resolved.settings } : {}),
    };
    try {
      const handler = handlers[channelName] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      if (idempotent && !idempotent.ran) throw new Error(`${channelName} is declared idempotent but wrote without writeOnce`);
      if (services.checkOutputs) {
        const checked = def.output.safeParse(value);
        if (!checked.success) throw new Error(`output of ${channelName} does not match the contract: ${checked.error.message}`);
      }
      // Texts the desk composed are stored as message keys; the reader gets them in their own language.
      return ok(renderDeep(lang, value) as Output<Channel>);
    } catch (err) {
      if (err instanceof DeskError) {
        if (err.code === 'FORBIDDEN') await denied(channelName, actor, now, err.key, rawInput);
        return fail(toAppError(err, lang));
      }
      if (isDatabaseUnavailable(err)) throw err;
      // A database constraint standing behind the handler's own authority check.
      if (isAuthorityRefusal(err)) {
        await denied(channelName, actor, now, 'constraint', rawInput);
        return error('FORBIDDEN', 'err.FORBIDDEN');
      }
      if (services.mode !== 'test' || process.env.DESK_LOG_ERRORS) console.error(`[dispatch] ${channelName} failed:`, err);
      if (services.checkOutputs && err instanceof Error && err.message.startsWith('output of')) throw err;
      return error('INTERNAL', 'err.INTERNAL');
    }
  }
}
