import { translate } from '../../shared/i18n';
import { DeskError, fail, ok, type Result } from '../../shared/result';
import { callerSlot, toAppError, type CallContext } from '../dispatch';
import { resolveSession } from '../sessions';
import type { Ctx, Services } from '../services';

/** A generated or stored file handed to the user (certificate PDFs, exports). */
export interface FileBody {
  bytes: Uint8Array;
  mime: string;
  filename: string;
  /** `inline` lets the browser show a PDF; downloads default to `attachment`. */
  disposition?: 'inline' | 'attachment';
}

/**
 * Serves `GET /files/<kind>/<id>` (browser mode) and `app://desk/files/<kind>/<id>` (Electron).
 * The route gets the caller's Ctx exactly as a handler would and must check authority itself;
 * throw a DeskError to refuse, return null for "not found".
 */
export type FileRoute = (id: string, ctx: Ctx) => Promise<FileBody | null> | FileBody | null;

const routes = new Map<string, FileRoute>();

export function registerFileRoute(kind: string, route: FileRoute): void {
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(kind)) throw new Error(`bad file route kind: ${kind}`);
  routes.set(kind, route);
}

export function fileRoute(kind: string): FileRoute | undefined {
  return routes.get(kind);
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
export function contentDisposition(body: FileBody): string {
  const ascii = body.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${body.disposition ?? 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(body.filename)}`;
}

/** Resolves the caller as dispatch does, then runs the route; every failure comes back as a Result. */
export async function runFileRoute(services: Services, kind: string, id: string, call: CallContext): Promise<Result<FileBody>> {
  const { lang } = call;
  const route = routes.get(kind);
  if (!route || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return fail({ code: 'NOT_FOUND', message: translate(lang, 'err.NOT_FOUND') });
  const now = services.clock();
  const session = callerSlot(services, call);
  const actor = (await resolveSession(services, session, now))?.actor ?? null;
  const ctx: Ctx = { services, actor, now, lang, connectionId: call.connectionId, clientAddress: call.clientAddress, session };
  try {
    const body = await route(id, ctx);
    return body ? ok(body) : fail({ code: 'NOT_FOUND', message: translate(lang, 'err.NOT_FOUND') });
  } catch (err) {
    if (err instanceof DeskError) return fail(toAppError(err, lang));
    console.error(`[files] ${kind}/${id} failed:`, err);
    return fail({ code: 'INTERNAL', message: translate(lang, 'err.INTERNAL') });
  }
}
