/**
 * The desktop app as a client of the district server (issue 16, items 2 and 7), without Electron: the main process's
 * relay (src/main/remote/) against the real server over HTTPS. The certificate is pinned by fingerprint, the session
 * secret travels as a bearer token and stays in the relay, calls and live events come through, and a changed
 * certificate or an unreachable server is refused with a clear code before anything is sent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../helpers/store';
import { addDays, addMonths, toIsoDate } from '../../src/shared/domain/calendar';
import { demoFields } from '../../src/main/demo/data';
import { defaultSettings } from '../../src/main/db/settings';
import { buildServerOnce, ServerClient, startServer, type ServerProcess } from '../helpers/server';
import { createRelay, type Relay } from '../../src/main/remote/relay';
import { createConnectionSetup } from '../../src/main/remote/setup';
import { writeConnection } from '../../src/main/remote/connection-file';
import { RemoteFailure } from '../../src/main/remote/pinned';

const PASSWORD = 'Ridge-lantern-4471';
let dir: string;
let server: ServerProcess;
let serverArgs: string[];
let address: URL;
let cert: Buffer;
let fingerprint: string;
const relays: Relay[] = [];

function makeCertificate(name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/** What an administrator reads off the certificate file and gives the users: openssl's SHA-256 fingerprint. */
const opensslFingerprint = (file: string) =>
  execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1]!;

const relayTo = (server: URL, pin: string) => {
  const relay = createRelay({ server, pin, timeoutMs: 5_000, live: { retryMs: 200 } });
  relays.push(relay);
  return relay;
};
const call = (connectionId: string) => ({ connectionId, lang: 'en' as const });

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-relay-'));
  const url = databaseUrl(await createDatabase('desk_relay'));
  const tls = makeCertificate('server');
  cert = readFileSync(tls.cert);
  fingerprint = opensslFingerprint(tls.cert);
  serverArgs = ['--database', url, '--listen', '127.0.0.1:0', '--tls-cert', tls.cert, '--tls-key', tls.key].concat([
    '--data-dir',
    join(dir, 'data'),
  ]);
  server = await startServer(serverArgs);
  address = new URL(server.url);
  const admin = new ServerClient(server.url, { ca: cert });
  await admin.ok('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
  await admin.ok('accounts.create', { username: 'yj', displayName: '周明', role: 'reviewer', unit: 'yj', password: PASSWORD });
  await admin.ok('accounts.create', { username: 'clerk', displayName: '李静', role: 'clerk', unit: 'sp', password: PASSWORD });
}, 300_000);
afterAll(async () => {
  for (const relay of relays) relay.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server accepts bearer sessions from the desktop app', () => {
  const bearerLogin = async () => {
    const client = new ServerClient(server.url, { ca: cert });
    const reply = await client.send('POST', '/rpc/auth.login', {
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer' },
      origin: null,
    });
    return { client, reply };
  };

  it('a bearer sign-in needs no Origin and answers with the secret in a header: no cookie, nothing in the body', async () => {
    const { client, reply } = await bearerLogin();
    expect(reply.json().ok).toBe(true);
    const secret = String(reply.headers['x-desk-session']);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(client.cookie).toBeNull();
    expect(reply.text).not.toContain(secret);
    const list = await client.send('POST', '/rpc/accounts.list', {
      body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      origin: null,
    });
    expect(list.json().ok).toBe(true);
  });

  it('a bearer request rides on no cookie, and a foreign Origin is refused even with a bearer secret', async () => {
    const browser = new ServerClient(server.url, { ca: cert });
    await browser.login('admin', PASSWORD);
    expect(browser.cookie).not.toBeNull();
    // The browser's cookie plus a bearer header without a secret: the cookie is ignored, nobody is signed in.
    const create = { username: 'csrf1', displayName: '某某', role: 'reviewer', unit: 'yj', password: 'Ridge-lantern-4471' };
    for (const authorization of ['Bearer', 'Bearer not-a-session-secret']) {
      const forged = await browser.send('POST', '/rpc/accounts.create', {
        body: JSON.stringify(create),
        headers: { 'content-type': 'application/json', authorization },
        origin: null,
      });
      expect(forged.json().error.code).toBe('UNAUTHENTICATED');
    }
    // The cookie alone without the Origin stays refused, as before.
    expect((await browser.rpc('accounts.create', create, { origin: null })).status).toBe(403);
    expect((await browser.ok<{ username: string }[]>('accounts.list')).map((a) => a.username)).not.toContain('csrf1');

    const { reply } = await bearerLogin();
    const secret = String(reply.headers['x-desk-session']);
    const foreign = await new ServerClient(server.url, { ca: cert }).send('POST', '/rpc/accounts.list', {
      body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
  });
});

describe('the relay of a connected desktop app', () => {
  it('first contact shows the certificate fingerprint the administrator reads off the certificate', async () => {
    const setup = createConnectionSetup(join(dir, 'first'), 'local', () => null);
    expect(setup.state()).toEqual({ mode: 'first-run' });
    const probe = await setup.probe({ address: `127.0.0.1:${address.port}` }, 'en');
    expect(probe).toEqual({ ok: true, value: { address: `https://127.0.0.1:${address.port}/`, fingerprint } });
    const chosen = await setup.choose({ mode: 'server', address: `127.0.0.1:${address.port}`, fingerprint }, 'en');
    expect(chosen).toEqual({ ok: true, value: { restart: true } });
    expect(setup.state()).toEqual({ mode: 'server', address: `https://127.0.0.1:${address.port}/`, fingerprint });
  });

  it('pinned right: bearer sign-in, calls, live events and sign-out, and the secret never reaches the renderer side', async () => {
    const relay = relayTo(address, fingerprint);
    const seen: unknown[] = [];
    const events: { event: string; payload: any }[] = [];
    relay.events.on('desk-event', (event: string, payload: unknown) => events.push({ event, payload }));
    let live = false;
    relay.events.on('live', (open: boolean) => (live = open));

    const login = await relay.dispatch('auth.login', { username: 'yj', password: PASSWORD }, call('wc:1'));
    seen.push(login);
    expect(login.ok).toBe(true);
    const secret = relay.held.get('wc:1')!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const status = await relay.dispatch('auth.status', {}, call('wc:1'));
    seen.push(status);
    expect(status).toMatchObject({ ok: true, value: { actor: { username: 'yj' } } });
    // Another window of the same app has not signed in: the server knows it as nobody.
    const other = await relay.dispatch('review.inbox', {}, call('wc:2'));
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // A filing registered at another desk (a browser) arrives through the server's live stream.
    await expect.poll(() => live, { timeout: 5_000 }).toBe(true);
    const clerk = new ServerClient(server.url, { ca: cert });
    await clerk.login('clerk', PASSWORD);
    const park = defaultSettings().parks[0]!;
    const start = addDays(toIsoDate(new Date()), 40);
    const filing = await clerk.ok<{ id: number }>('filing.create', {
      fields: demoFields(0, park.id, park.bases[0]!.id, start, addMonths(start, 18)),
    });
    await expect
      .poll(() => events.some((e) => e.event === 'filing.changed' && e.payload.filingId === filing.id), { timeout: 8_000 })
      .toBe(true);

    const logout = await relay.dispatch('auth.logout', {}, call('wc:1'));
    seen.push(logout);
    expect(logout.ok).toBe(true);
    expect(relay.held.size).toBe(0);
    // The old secret is dead on the server too.
    const replay = await new ServerClient(server.url, { ca: cert }).send('POST', '/rpc/accounts.list', {
      body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      origin: null,
    });
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');
    expect((await relay.dispatch('review.inbox', {}, call('wc:1'))).ok).toBe(false);
    expect(JSON.stringify([seen, events])).not.toContain(secret);
  });

  it('downloads come through the relay under the window’s session, and only under it', async () => {
    const relay = relayTo(address, fingerprint);
    expect((await relay.dispatch('auth.login', { username: 'admin', password: PASSWORD }, call('wc:1'))).ok).toBe(true);
    const made = await relay.dispatch('export.create', { kind: 'audit', format: 'csv' }, call('wc:1'));
    expect(made.ok).toBe(true);
    const { id, filename, size } = (made as { ok: true; value: { id: string; filename: string; size: number } }).value;
    const file = await relay.files('export', id, call('wc:1'));
    expect(file.ok).toBe(true);
    const body = (file as { ok: true; value: { bytes: Uint8Array; filename: string; mime: string } }).value;
    expect(body.filename).toBe(filename);
    expect(body.bytes.byteLength).toBe(size);
    expect(Buffer.from(body.bytes).toString('utf8')).toContain('auth.login');
    expect(await relay.files('export', id, call('wc:9'))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // The window's last close (windows.ts deletes its entry): the session ends on the server too.
    const secret = relay.held.get('wc:1')!;
    relay.held.delete('wc:1');
    const replay = async () =>
      (
        await new ServerClient(server.url, { ca: cert }).send('POST', '/rpc/auth.status', {
          body: '{}',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          origin: null,
        })
      ).json().value.actor;
    await expect.poll(replay, { timeout: 5_000 }).toBeNull();
  });

  it('a server with another certificate is refused before the secret is sent, and the setup shows both fingerprints', async () => {
    const relay = relayTo(address, fingerprint);
    expect((await relay.dispatch('auth.login', { username: 'admin', password: PASSWORD }, call('wc:1'))).ok).toBe(true);
    const secret = relay.held.get('wc:1')!;

    const other = makeCertificate('impostor');
    const received: string[] = [];
    const impostor: Server = createHttpsServer({ cert: readFileSync(other.cert), key: readFileSync(other.key) }, (req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{}');
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
    try {
      const port = (impostor.address() as AddressInfo).port;
      // The same relay, its secret held, now facing the impostor (as after a DNS change or an interception).
      const moved = createRelay({ server: new URL(`https://127.0.0.1:${port}/`), pin: fingerprint, timeoutMs: 5_000 });
      moved.held.set('wc:1', secret);
      relays.push(moved);
      const shown: unknown[] = [];
      moved.events.on('desk-event', (event: string, payload: unknown) => shown.push({ event, payload }));
      expect(await moved.check()).toMatchObject({ problem: 'PIN_MISMATCH' });
      const answer = await moved.dispatch('accounts.list', {}, call('wc:1'));
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((answer as { ok: false; error: { message: string } }).error.message).toMatch(/not the one confirmed on first connection/);
      expect(moved.problem()).toMatchObject({
        problem: 'PIN_MISMATCH',
        detail: { expected: fingerprint, actual: opensslFingerprint(other.cert) },
      });
      expect(received).toEqual([]);
      // The windows are told at once, with both fingerprints for the refusal screen and nothing else.
      expect(shown[0]).toEqual({ event: 'connection.refused', payload: { expected: fingerprint, actual: opensslFingerprint(other.cert) } });
      expect(JSON.stringify(shown)).not.toContain(secret);

      const data = join(dir, 'refused');
      writeConnection(data, { mode: 'server', address: `https://127.0.0.1:${port}/`, fingerprint });
      const setup = createConnectionSetup(data, 'server', () => moved.problem());
      expect(setup.state()).toMatchObject({ mode: 'server', refused: { expected: fingerprint, actual: opensslFingerprint(other.cert) } });
      // Confirming the old fingerprint against the new certificate stores nothing.
      const again = await setup.choose({ mode: 'server', address: `127.0.0.1:${port}`, fingerprint }, 'zh-CN');
      expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(received).toEqual([]);
    } finally {
      impostor.close();
    }
  });

  it('an unreachable server or a plain-HTTP address gets a clear refusal, in the caller’s language', async () => {
    const closed = createHttpsServer({ cert, key: readFileSync(join(dir, 'server.key')) });
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));

    const relay = relayTo(new URL(`https://127.0.0.1:${port}/`), fingerprint);
    const answer = await relay.dispatch('auth.status', {}, { connectionId: 'wc:1', lang: 'zh-CN' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect((answer as { ok: false; error: { message: string } }).error.message).toMatch(
      /无法连接区联审服务器 127\.0\.0\.1:\d+（ECONNREFUSED）/,
    );
    expect(relay.problem()).toBeInstanceOf(RemoteFailure);
    expect(relay.problem()!.problem).toBe('UNREACHABLE');

    const setup = createConnectionSetup(join(dir, 'unreachable'), 'local', () => null);
    expect(await setup.probe({ address: `127.0.0.1:${port}` }, 'en')).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    const plain = await setup.probe({ address: `http://127.0.0.1:${address.port}` }, 'en');
    expect(plain).toMatchObject({ ok: false, error: { code: 'INVALID', message: 'The district server can only be reached over HTTPS.' } });
    expect(setup.state()).toEqual({ mode: 'first-run' });
  });

  // Last in this file: it stops the shared server and starts it again on the same port (same database and folder).
  it('the server gone under a signed-in window: UNREACHABLE in the caller’s language and the stream reported lost; back, the same session works', async () => {
    const relay = relayTo(address, fingerprint);
    const live: boolean[] = [];
    relay.events.on('desk-event', (event: string, payload: { open: boolean }) => event === 'connection.live' && live.push(payload.open));
    expect((await relay.dispatch('auth.login', { username: 'yj', password: PASSWORD }, call('wc:1'))).ok).toBe(true);
    await expect.poll(() => live.at(-1), { timeout: 5_000 }).toBe(true);

    await server.stop();
    // The stream's loss reaches the windows as its own event (the renderer probes and shows the banner).
    await expect.poll(() => live.at(-1), { timeout: 5_000 }).toBe(false);
    const zh = await relay.dispatch('review.inbox', {}, { connectionId: 'wc:1', lang: 'zh-CN' });
    expect(zh).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect((zh as { ok: false; error: { message: string } }).error.message).toMatch(
      /^无法连接区联审服务器 127\.0\.0\.1:\d+（ECONNREFUSED）/,
    );
    const en = await relay.dispatch('review.inbox', {}, call('wc:1'));
    expect(en).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect((en as { ok: false; error: { message: string } }).error.message).toMatch(
      /^The district server 127\.0\.0\.1:\d+ cannot be reached/,
    );
    expect(await relay.files('export', 'x', call('wc:1'))).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    // The window's secret is kept: the session lives in the server's database, not in the stopped process.
    expect(relay.held.has('wc:1')).toBe(true);

    server = await startServer(serverArgs.map((x) => (x === '127.0.0.1:0' ? `127.0.0.1:${address.port}` : x)));
    expect((await relay.dispatch('review.inbox', {}, call('wc:1'))).ok).toBe(true);
    await expect.poll(() => live.at(-1), { timeout: 5_000 }).toBe(true);
    // A session the server no longer knows is the sign-in-again path (UNAUTHENTICATED), never the lost server.
    relay.held.set('wc:2', 'x'.repeat(43));
    expect(await relay.dispatch('review.inbox', {}, call('wc:2'))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
