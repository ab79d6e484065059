/**
 * "PostgreSQL down while the server lives" (issue 16, bad input and faults): the server reaches its database through a
 * TCP relay the test can cut, as a stopped cluster would (refused connections, open ones reset). Every call then gets
 * UNAVAILABLE (HTTP 503) with a message in the caller's language, at once, nothing half-written; the process lives on,
 * and once the database is back the same session works again without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../helpers/store';
import { buildServerOnce, ServerClient, startServer, type ServerProcess } from '../helpers/server';

const PASSWORD = 'Ridge-lantern-4471';

/** A relay from a local port to PostgreSQL that can be cut (refuse and reset) and restored on the same port. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', r));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  }
}

let dir: string;
let relay: Relay;
let server: ServerProcess;

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-dbdown-'));
  const direct = new URL(databaseUrl(await createDatabase('desk_down')));
  relay = new Relay({ host: direct.hostname, port: Number(direct.port || 5432) });
  await relay.open();
  const viaRelay = new URL(direct);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(relay.port);
  server = await startServer(['--database', viaRelay.toString(), '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', dir]);
});
afterAll(async () => {
  await server?.stop();
  await relay?.cut();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL down while the district server runs', () => {
  it('answers UNAVAILABLE in the caller’s language, writes nothing, lives on and recovers', async () => {
    const admin = new ServerClient(server.url);
    await admin.ok('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });

    await relay.cut();
    const started = Date.now();
    const en = await admin.rpc('accounts.create', {
      username: 'yj1',
      displayName: '周明',
      role: 'reviewer',
      unit: 'yj',
      password: PASSWORD,
    });
    const zh = await admin.rpc('auth.status', {}, { lang: 'zh-CN' });
    const anonymous = await new ServerClient(server.url).rpc('auth.status');
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const reply of [en, zh, anonymous]) {
      expect(reply.status).toBe(503);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    }
    expect(en.json().error.message).toMatch(/database/i);
    expect(zh.json().error.message).toMatch(/数据库/);
    const events = await admin.send('GET', '/events?lang=en', { origin: null });
    expect(events.status).toBe(503);
    expect(server.child.exitCode).toBeNull();

    // Back: the same session goes on, and the refused account was never created.
    await relay.open();
    await expect.poll(async () => (await admin.rpc('auth.status')).status, { timeout: 10_000 }).toBe(200);
    expect((await admin.ok('auth.status')).actor.username).toBe('admin');
    const accounts = await admin.ok<{ username: string }[]>('accounts.list');
    expect(accounts.map((a) => a.username)).not.toContain('yj1');
  }, 60_000);
});
