import { protocol } from 'electron';
import type { DownloadTickets } from './tickets';
import { STATIC_HEADERS } from '../host/headers';
import { resolveStatic } from '../host/static';
import { contentDisposition, type FileServer } from '../host/files';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });

export function handleAppProtocol(rendererDir: string, files: FileServer, tickets: DownloadTickets): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/files/')) {
      const ticket = tickets.take(url.searchParams.get('ticket'));
      if (!ticket) return json(403, { ok: false, error: { code: 'FORBIDDEN', message: 'download ticket missing or expired' } });
      const [kind, id] = url.pathname.slice('/files/'.length).split('/');
      const result = await files(kind ?? '', id ?? '', { connectionId: ticket.connectionId, lang: ticket.lang });
      if (!result.ok) return json(result.error.code === 'NOT_FOUND' ? 404 : 403, result);
      const file = result.value;
      return new Response(Buffer.from(file.bytes), {
        headers: {
          'Content-Type': file.mime,
          'Content-Disposition': contentDisposition(file),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: STATIC_HEADERS });
    return new Response(request.method === 'HEAD' ? null : file.bytes, {
      headers: { ...STATIC_HEADERS, 'Content-Type': file.mime, 'Cache-Control': 'no-cache' },
    });
  });
}
