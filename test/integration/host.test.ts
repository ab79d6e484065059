import { request } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import { emit } from '../../src/main/services';
import { startHost, type Host } from '../../src/main/host/server';
import { createFileServer } from '../../src/main/host/files';
import { fileRoutes } from '../../src/main/handlers';
import { CSP } from '../../src/main/host/headers';
import { parseHostArgs, servicesFromEnv } from '../../src/main/host/options';
import { verifyAudit } from '../../src/main/cli/verify-audit';
import { OWASP_SCRYPT } from '../../src/main/passwords';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/** node:http rather than fetch: fetch will not let a test forge Host or send a raw `..` path. */
function send(host: Host, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function rpc(host: Host, channel: string, input: unknown, extra: Record<string, string> = {}): Promise<Reply> {
  return send(host, `/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': host.token, ...extra },
    body: JSON.stringify(input),
  });
}

/** The session cookie a reply set, as a browser would send it back. */
function cookieOf(reply: Reply): string {
  const set = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
  const session = set.find((c) => c.startsWith('desk_session='));
  if (!session) throw new Error('no session cookie set');
  return session.split(';')[0]!;
}
let adminCookie = '';

let dir: string;
let desk: Desk;
let host: Host;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-host-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  desk = createDesk(join(dir, 'data'), { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  host = await startHost({ desk, rendererDir: renderer, port: 0 });
});

afterAll(async () => {
  await host?.close();
  desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode host refuses what it did not hand out (host-1)', () => {
  it('listens on 127.0.0.1 with a random token in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a request without the token', async () => {
    const res = await send(host, '/rpc/app.ping', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a wrong token, of the same length or not', async () => {
    const sameLength = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    for (const token of [sameLength, 'x', host.token + 'x']) {
      const res = await rpc(host, 'app.ping', {}, { 'x-desk-token': token });
      expect(res.status).toBe(401);
    }
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${host.port}`, `http://127.0.0.1:${host.port + 1}`]) {
      const res = await rpc(host, 'app.ping', {}, { origin });
      expect(res.status, origin).toBe(403);
    }
    const own = await rpc(host, 'app.ping', {}, { origin: host.origin });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding), for data and static files alike', async () => {
    for (const h of ['evil.example', `evil.example:${host.port}`, `localhost:${host.port}`, '127.0.0.1']) {
      expect((await rpc(host, 'app.ping', {}, { host: h })).status, h).toBe(403);
      expect((await send(host, '/', { headers: { host: h } })).status, h).toBe(403);
    }
  });

  it('refuses a cross-site fetch and non-JSON bodies', async () => {
    expect((await rpc(host, 'app.ping', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await rpc(host, 'app.ping', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(host, '/rpc/app.ping', { headers: { 'x-desk-token': host.token } })).status).toBe(405);
    const junk = await send(host, '/rpc/app.ping', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': host.token },
      body: '{nope',
    });
    expect(junk.status).toBe(400);
  });

  it('a session cookie does not stand in for the token on calls', async () => {
    expect((await rpc(host, 'app.ping', {}, { 'x-desk-token': '', cookie: 'desk_session=anything' })).status).toBe(401);
  });
});

describe('browser-mode host reaches the one dispatch', () => {
  it('answers app.ping and auth.status with no-store', async () => {
    const ping = await rpc(host, 'app.ping', {});
    expect(ping.status).toBe(200);
    expect(ping.json()).toEqual({ ok: true, value: { ok: true } });
    expect(ping.headers['cache-control']).toBe('no-store');
    const status = await rpc(host, 'auth.status', {});
    expect(status.json()).toMatchObject({ ok: true, value: { needsSetup: true, actor: null, mode: 'test' } });
  });

  it('issues the session in an HttpOnly, SameSite=Strict cookie: the browser that set up is signed in, another is not', async () => {
    const setup = await rpc(host, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct horse battery' });
    expect(setup.json()).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    const set = ([] as string[]).concat(setup.headers['set-cookie'] ?? []).join('\n');
    expect(set).toMatch(/^desk_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\//);
    adminCookie = cookieOf(setup);
    const mine = await rpc(host, 'auth.status', {}, { cookie: adminCookie });
    expect(mine.json().value.actor).toMatchObject({ username: 'admin' });
    // Naming a connection, as the old client id did, names nobody.
    const other = await rpc(host, 'auth.status', {}, { 'x-desk-client': 'clientAAAAAAAAAA' });
    expect(other.json().value.actor).toBeNull();
  });

  it('speaks the language the client asks for, else Accept-Language', async () => {
    const en = await rpc(host, 'no.such', {}, { 'x-desk-lang': 'en' });
    const zh = await rpc(host, 'no.such', {}, { 'x-desk-lang': 'zh-CN' });
    const accept = await rpc(host, 'no.such', {}, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown request.' });
    expect(zh.json().error.message).toBe('未知的请求类型。');
    expect(accept.json().error.message).toBe('Unknown request.');
  });

  it('passes schema errors back as a Result, not an HTTP failure', async () => {
    const res = await rpc(host, 'app.ping', { extra: 1 });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'INVALID', fields: { extra: expect.any(String) } } });
  });

  it('refuses a body over the limit', async () => {
    const small = await startHost({ desk, rendererDir: join(dir, 'renderer'), port: 0, maxBodyBytes: 1024 });
    try {
      const res = await rpc(small, 'app.ping', { pad: 'x'.repeat(4096) });
      expect(res.status).toBe(413);
      expect((await rpc(small, 'app.ping', {})).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('browser-mode host events and files', () => {
  it('delivers desk events over SSE, only to a signed-in session, with nothing secret in the URL', async () => {
    expect((await send(host, `/events?token=${encodeURIComponent(host.token)}`)).status).toBe(401);
    expect((await send(host, '/events', { headers: { 'x-desk-token': host.token } })).status).toBe(401);
    expect((await send(host, '/events', { headers: { cookie: 'desk_session=wrong' } })).status).toBe(401);

    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/events?lang=en',
          headers: { accept: 'text/event-stream', cookie: adminCookie },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let buffer = '';
          res.on('data', (c: Buffer) => {
            buffer += c.toString('utf8');
            const frame = buffer.split('\n\n').find((f) => f.startsWith('data: '));
            if (frame) {
              req.destroy();
              resolve(frame);
            }
          });
          // The stream is open once headers arrive; emit then.
          setTimeout(() => emit(desk.services, 'filing.changed', { filingId: 7, version: 3 }), 20);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(received.slice('data: '.length))).toEqual({ event: 'filing.changed', payload: { filingId: 7, version: 3 } });
  });

  it('serves a registered file route with the caller identity, by the session cookie alone', async () => {
    desk.files = createFileServer(desk.services, {
      ...fileRoutes,
      'test-echo': {
        access: 'user',
        serve: (id, ctx) => ({
          bytes: new TextEncoder().encode(`${id}:${ctx.actor?.username ?? 'nobody'}`),
          mime: 'application/pdf',
          filename: '登记证 1.pdf',
        }),
      },
    });
    const res = await send(host, '/files/test-echo/abc', { headers: { cookie: adminCookie } });
    expect(res.status).toBe(200);
    expect(res.text).toBe('abc:admin');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('登记证 1.pdf')}`);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await send(host, '/files/test-echo/abc')).status).toBe(401);
    expect((await send(host, `/files/test-echo/abc?token=${encodeURIComponent(host.token)}`)).status).toBe(401);
    expect((await send(host, '/files/nothing/abc', { headers: { cookie: adminCookie } })).status).toBe(404);
  });

  it('serves static files without the token, under a strict CSP, and nothing outside the renderer', async () => {
    const index = await send(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(host, '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await send(host, '/some/route')).text).toContain('<title>desk</title>');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt']) {
      const res = await send(host, p);
      expect(res.text, p).not.toContain('outside the renderer');
    }
  });
});

describe('launch options and the verify-audit command', () => {
  it('parses host arguments and refuses unknown ones', () => {
    expect(parseHostArgs(['--data-dir', '/x', '--port', '0', '--demo'])).toEqual({ dataDir: '/x', port: 0, demo: true });
    expect(parseHostArgs([]).port).toBeNull();
    expect(() => parseHostArgs(['--port', '70000'])).toThrow();
    expect(() => parseHostArgs(['--evil'])).toThrow();
  });

  it('lowers scrypt only when DESK_TEST_FAST_KDF=1', () => {
    expect(servicesFromEnv('browser', {}).scrypt).toBeUndefined();
    expect(createDeskScrypt({})).toEqual(OWASP_SCRYPT);
    expect(servicesFromEnv('browser', { DESK_TEST_FAST_KDF: '1' }).scrypt).toEqual({ N: 2 ** 14, r: 8, p: 1 });
  });

  it('verify-audit reports ok with the head, then the first entry that does not match', () => {
    const dataDir = join(dir, 'data');
    const good = verifyAudit(dataDir);
    expect(good.code).toBe(0);
    expect(good.lines[0]).toMatch(/^ok, [1-9]\d* entries, head [0-9a-f]{64}$/);
    const headPath = join(dataDir, 'audit-head.json');
    const head = JSON.parse(readFileSync(headPath, 'utf8')) as { seq: number; hash: string };
    // A head edited by hand no longer carries a valid signature: it is no head at all.
    writeFileSync(headPath, JSON.stringify({ ...head, hash: 'f'.repeat(64) }));
    try {
      const bad = verifyAudit(dataDir);
      expect(bad.code).toBe(1);
      expect(bad.lines[0]).toContain('headInvalid');
    } finally {
      writeFileSync(headPath, JSON.stringify(head));
    }
    expect(verifyAudit(join(dir, 'nothing-here')).code).toBe(2);
  });
});

function createDeskScrypt(env: NodeJS.ProcessEnv) {
  const d = createDesk(join(dir, 'kdf'), servicesFromEnv('browser', env));
  try {
    return d.services.scrypt;
  } finally {
    d.close();
  }
}
