import type { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../shared/contract';
import type { Actor } from '../shared/contract/auth';
import { translate, type Lang } from '../shared/i18n';
import { DeskError, fail, ok, type AppError, type Result } from '../shared/result';
import { write, type Ctx, type IdempotentCall, type Services } from './services';
import { loadActor } from './db/users';
import { refusalTarget } from './refusal-target';
import { isAuthorityRefusal } from './db/refusals';

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: Ctx,
) => Promise<z.input<(typeof contract)[C]['output']>> | z.input<(typeof contract)[C]['output']>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface CallContext {
  /** Identifies the window or browser tab; the session map turns it into a user. */
  connectionId: string;
  lang: Lang;
}

type Issue = z.core.$ZodIssue;

/** Turns one zod issue into a catalogue key and parameters. Schemas name their keys (`v.*`); built-ins map by code. */
function issueMessage(issue: Issue, lang: Lang): string {
  const params = ((issue as { params?: Record<string, unknown> }).params ?? {}) as Record<string, unknown>;
  if (issue.message.startsWith('v.') && issue.code !== 'unrecognized_keys') return translate(lang, issue.message, params);
  switch (issue.code) {
    case 'unrecognized_keys':
      return translate(lang, 'v.unknownKey', { keys: issue.keys.join(', ') });
    case 'too_big':
      if (issue.origin === 'string') return translate(lang, 'v.tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array') return translate(lang, 'v.tooMany');
      return translate(lang, 'v.tooBig', { max: String(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string')
        return translate(lang, Number(issue.minimum) <= 1 ? 'v.required' : 'v.tooShort', { min: String(issue.minimum) });
      return translate(lang, 'v.tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
      return translate(lang, 'v.choice');
    default:
      return translate(lang, 'v.type');
  }
}

export function zodFields(error: z.ZodError, lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base];
    for (const p of paths) fields[p] ??= issueMessage(issue, lang);
  }
  return fields;
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

  return async function dispatch(channelName, rawInput, call) {
    const { lang } = call;
    const now = services.clock();
    const error = (code: AppError['code'], key: string, params: Record<string, string | number> = {}) =>
      fail({ code, message: translate(lang, key, params) });
    if (!isChannel(channelName)) return error('NOT_FOUND', 'err.unknownChannel');
    const def = contract[channelName];
    const userId = services.sessions.get(call.connectionId);
    const actor = userId === undefined ? null : await loadActor(services.store.db, userId);
    if (userId !== undefined && !actor) services.sessions.delete(call.connectionId);

    if (def.access !== 'public') {
      if (!actor) {
        await denied(channelName, null, now, 'unauthenticated');
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
    const ctx: Ctx = { services, actor, now, lang, connectionId: call.connectionId, idempotent };
    try {
      const handler = handlers[channelName] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      if (idempotent && !idempotent.ran) throw new Error(`${channelName} is declared idempotent but wrote without writeOnce`);
      if (services.checkOutputs) {
        const checked = def.output.safeParse(value);
        if (!checked.success) throw new Error(`output of ${channelName} does not match the contract: ${checked.error.message}`);
      }
      return ok(value as Output<Channel>);
    } catch (err) {
      if (err instanceof DeskError) {
        if (err.code === 'FORBIDDEN') await denied(channelName, actor, now, err.key, rawInput);
        return fail(toAppError(err, lang));
      }
      // A database constraint standing behind the handler's own authority check.
      if (isAuthorityRefusal(err)) {
        await denied(channelName, actor, now, 'constraint', rawInput);
        return error('FORBIDDEN', 'err.FORBIDDEN');
      }
      if (services.mode !== 'test' || process.env.DESK_LOG_ERRORS) console.error(`[dispatch] ${channelName} failed:`, err);
      if (services.checkOutputs && err instanceof Error && err.message.startsWith('output of')) throw err;
      return error('INTERNAL', 'err.INTERNAL');
    }
  };
}
