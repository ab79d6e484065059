/**
 * The district server (issue 16, item 1) as a real process on the throwaway cluster: its one ready line, HTTPS or
 * plain HTTP on loopback only, cookie sessions and the server's own Origin on every state-changing request, and one
 * clear line for each start-up refusal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../helpers/store';
import { buildServerOnce, openEvents, ServerClient, spawnServer, startServer, type Finished, type ServerProcess } from '../helpers/server';

const PASSWORD = 'Ridge-lantern-4471';
let dir: string;
let url: string;
let server: ServerProcess;

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-server-'));
  url = databaseUrl(await createDatabase('desk_server'));
  server = await startServer(['--database', url, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', join(dir, 'data')]);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const finished = async (args: string[]): Promise<Finished> => {
  const s = await spawnServer(args);
  if ('url' in s) {
    await s.stop();
    throw new Error(`server started with ${args.join(' ')}`);
  }
  return s;
};

describe('the district server process', () => {
  it('prints exactly one ready line and serves the built renderer under its CSP', async () => {
    expect(server.stdout()).toMatch(/^Desk server ready: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const page = await new ServerClient(server.url).send('GET', '/', { origin: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a state-changing request without the server’s own Origin, and writes nothing', async () => {
    const client = new ServerClient(server.url);
    const setup = { username: 'admin', displayName: '管理员', password: PASSWORD };
    const none = await client.rpc('auth.setup', setup, { origin: null });
    const foreign = await client.rpc('auth.setup', setup, { origin: 'http://evil.example' });
    const otherPort = await client.rpc('auth.setup', setup, { origin: `http://127.0.0.1:${server.port + 1}` });
    for (const reply of [none, foreign, otherPort]) {
      expect(reply.status).toBe(403);
      expect(reply.json().error.code).toBe('FORBIDDEN');
    }
    expect(foreign.json().error.message).toMatch(/own pages/);
    expect((await client.ok('auth.status')).needsSetup).toBe(true);
    expect(client.cookie).toBeNull();
  });

  it('signs in with a cookie session: HttpOnly, SameSite=Strict, not Secure on loopback HTTP', async () => {
    const admin = new ServerClient(server.url);
    const setup = await admin.rpc('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
    expect(setup.json().ok).toBe(true);
    const cookie = ([] as string[]).concat(setup.headers['set-cookie'] ?? []).find((c) => c.startsWith('desk_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await admin.ok('auth.status')).actor.username).toBe('admin');
    await admin.ok('accounts.create', {
      username: 'yj1',
      displayName: '周明',
      role: 'reviewer',
      unit: 'yj',
      password: PASSWORD,
    });
    expect((await admin.ok<{ username: string }[]>('accounts.list')).map((a) => a.username)).toEqual(['admin', 'yj1']);

    // No session: channels that need one refuse, and so do the live stream and downloads.
    const stranger = new ServerClient(server.url);
    expect((await stranger.rpc('accounts.list')).json().error.code).toBe('UNAUTHENTICATED');
    expect((await openEvents(stranger)).status).toBe(401);
    expect((await stranger.send('GET', '/files/certificate/1', { origin: null })).status).not.toBe(200);

    const live = await openEvents(admin);
    expect(live.status).toBe(200);
    live.close();

    // Logging out ends the session on the server: the old cookie, replayed, is nobody.
    const kept = admin.cookie;
    await admin.ok('auth.logout');
    const replay = new ServerClient(server.url);
    replay.cookie = kept;
    expect((await replay.rpc('accounts.list')).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses --insecure-loopback on a non-loopback address', async () => {
    const r = await finished(['--database', url, '--listen', '0.0.0.0:0', '--insecure-loopback']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/--insecure-loopback is allowed only on a loopback address/);
    expect(r.stdout).toBe('');
    const noTls = await finished(['--database', url, '--listen', '127.0.0.1:0']);
    expect(noTls.stderr).toMatch(/HTTPS needs --tls-cert/);
  });

  it('says in one line that PostgreSQL cannot be reached, the certificate is missing, or the schema is newer', async () => {
    const down = await finished([
      '--database',
      'postgres://desk:secret@127.0.0.1:1/desk',
      '--listen',
      '127.0.0.1:0',
      '--insecure-loopback',
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/^PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/desk cannot be reached: .*ECONNREFUSED/);

    const noCert = await finished([
      '--database',
      url,
      '--listen',
      '127.0.0.1:0',
      '--tls-cert',
      join(dir, 'none.pem'),
      '--tls-key',
      join(dir, 'none.key'),
    ]);
    expect(noCert.code).toBe(2);
    expect(noCert.stderr.trim()).toMatch(/^The TLS certificate file .*none\.pem cannot be read: ENOENT/);

    // A database a newer server has migrated: refused before anything is written to it.
    const newer = databaseUrl(await createDatabase('desk_newer'));
    const c = new pg.Client({ connectionString: newer });
    await c.connect();
    await c.query('CREATE TABLE desk_schema (one BOOLEAN PRIMARY KEY DEFAULT true, version INTEGER NOT NULL)');
    await c.query('INSERT INTO desk_schema (version) VALUES (999)');
    const r = await finished(['--database', newer, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', join(dir, 'newer')]);
    const tables = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await c.end();
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/has a newer schema than this server knows .*999/);
    expect(tables.rows[0].n).toBe(1);
  });

  it('speaks HTTPS with the given certificate, and its session cookie is Secure', async () => {
    const cert = join(dir, 'server.pem');
    const key = join(dir, 'server.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const tls = await startServer([
      '--database',
      url,
      '--listen',
      '127.0.0.1:0',
      '--tls-cert',
      cert,
      '--tls-key',
      key,
      '--data-dir',
      join(dir, 'data'),
    ]);
    try {
      expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const admin = new ServerClient(tls.url, { ca: readFileSync(cert) });
      const login = await admin.rpc('auth.login', { username: 'admin', password: PASSWORD });
      expect(login.json().ok).toBe(true);
      expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
      expect(login.headers['strict-transport-security']).toMatch(/max-age=/);
      expect((await admin.ok('auth.status')).actor.username).toBe('admin');
      // An untrusted certificate is refused by the client; plain HTTP to the HTTPS port gets no desk answer.
      await expect(new ServerClient(tls.url).rpc('auth.status')).rejects.toThrow(/self[- ]signed|certificate/i);
      const plain = await new Promise<number | string>((resolve) => {
        const req = request({ host: '127.0.0.1', port: tls.port, path: '/rpc/auth.status', method: 'POST' }, (res) =>
          resolve(res.statusCode ?? 0),
        );
        req.on('error', (err) => resolve(err.message));
        req.end('{}');
      });
      expect(plain).not.toBe(200);
    } finally {
      await tls.stop();
    }
  });
});
