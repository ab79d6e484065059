import { translate } from '../../shared/i18n';
import { DeskError, fail, ok, type Result } from '../../shared/result';
import { callerSlot, toAppError, type CallContext } from '../dispatch';
import { resolveSession } from '../sessions';
import type { Ctx, Services } from '../services';
import type { Access } from '../../shared/contract/define';

/** A generated or stored file handed to the user (certificate PDFs, exports). */
export interface FileBody {
  bytes: Uint8Array;
  mime: string;
  filename: string;
  /** `inline` lets the browser show a PDF; downloads default to `attachment`. */
  disposition?: 'inline' | 'attachment';
}

/**
 * Serves `GET /files/<kind>/<id>` (browser mode) and `app://desk/files/<kind>/<id>` (Electron). Like a contract
 * channel, a route declares who may read it (`access`), and the file server checks that before `serve` runs; `serve`
 * gets the caller's Ctx exactly as a handler would and adds finer checks (throw a DeskError to refuse, return null for
 * "not found").
 */
export interface FileRoute {
  access: Exclude<Access, 'public'>;
  serve(id: string, ctx: Ctx): Promise<FileBody | null> | FileBody | null;
}

/** Every file kind the desk serves, by the first path segment; handed to the desk as `handlers` is. */
export type FileRoutes = Readonly<Record<string, FileRoute>>;

export type FileServer = (kind: string, id: string, call: CallContext) => Promise<Result<FileBody>>;

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
export function contentDisposition(body: FileBody): string {
  const ascii = body.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 5987 attr-char leaves no room for ' ( ) * !, which encodeURIComponent keeps: encode those too.
  const encoded = encodeURIComponent(body.filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${body.disposition ?? 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Resolves the caller as dispatch does, checks the route's access, then serves; every failure comes back as a Result. */
export function createFileServer(services: Services, routes: FileRoutes): FileServer {
  return async (kind, id, call) => {
    const { lang } = call;
    const route = Object.prototype.hasOwnProperty.call(routes, kind) ? routes[kind] : undefined;
    if (!route || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return fail({ code: 'NOT_FOUND', message: translate(lang, 'err.NOT_FOUND') });
    const now = services.clock();
    const session = callerSlot(services, call);
    const actor = (await resolveSession(services, session, now))?.actor ?? null;
    if (!actor) return fail({ code: 'UNAUTHENTICATED', message: translate(lang, 'err.UNAUTHENTICATED') });
    if (route.access !== 'user' && !route.access.includes(actor.role))
      return fail({ code: 'FORBIDDEN', message: translate(lang, 'err.FORBIDDEN') });
    const ctx: Ctx = { services, actor, now, lang, connectionId: call.connectionId, clientAddress: call.clientAddress, session };
    try {
      const body = await route.serve(id, ctx);
      return body ? ok(body) : fail({ code: 'NOT_FOUND', message: translate(lang, 'err.NOT_FOUND') });
    } catch (err) {
      if (err instanceof DeskError) return fail(toAppError(err, lang));
      console.error(`[files] ${kind}/${id} failed:`, err);
      return fail({ code: 'INTERNAL', message: translate(lang, 'err.INTERNAL') });
    }
  };
}
