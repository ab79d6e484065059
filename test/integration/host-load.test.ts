import { request, type ClientRequest } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import { startHost, type Host } from '../../src/main/host/server';
import { translate } from '../../src/shared/i18n';

interface Reply {
  status: number;
  body: any;
}

/** A POST to /rpc with the token; `body` may be a Buffer shared by many calls, so ten 29 MB calls cost the test 29 MB. */
function post(
  host: Host,
  channel: string,
  body: Buffer,
  headers: Record<string, string> = {},
): { req: ClientRequest; reply: Promise<Reply> } {
  let req!: ClientRequest;
  const reply = new Promise<Reply>((resolve, reject) => {
    req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/rpc/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-desk-token': host.token, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
  });
  return { req, reply };
}

/** An upload's JSON, `mb` megabytes of base64: what a browser sends for a large material. */
function uploadBody(mb: number): Buffer {
  const head = Buffer.from('{"filingId":1,"version":1,"code":"eia","file":{"name":"big.pdf","contentBase64":"');
  const tail = Buffer.from('"}}');
  const payload = Buffer.alloc(mb * 1024 * 1024 - head.length - tail.length, 0x41);
  return Buffer.concat([head, payload, tail]);
}

/** Waits (polling, never asserting on time) until the host reaches a state. */
async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !what(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(what()).toBe(true);
}

let dir: string;
let desk: Desk;
const hosts: Host[] = [];
const open = async (opts: Partial<Parameters<typeof startHost>[0]> = {}) => {
  const host = await startHost({ desk, rendererDir: join(dir, 'renderer'), port: 0, ...opts });
  hosts.push(host);
  return host;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-host-load-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>desk</title>');
  // Large enough that the response is still being written when the client goes.
  writeFileSync(join(dir, 'renderer', 'assets', 'big.js'), Buffer.alloc(24 * 1024 * 1024, 0x20));
  desk = createDesk(join(dir, 'data'), { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
});

afterAll(async () => {
  for (const h of hosts) await h.close();
  desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parallel large uploads are bounded (8: ten 29 MB bodies)', () => {
  it('with ten 29 MB bodies in parallel, at most two are in memory at once, and every call is answered', async () => {
    const host = await open({ largeBodySlots: 2 });
    const body = uploadBody(29);
    const calls = Array.from({ length: 10 }, () => post(host, 'material.attach', body));
    for (const c of calls) c.req.end(body);
    const replies = await Promise.all(calls.map((c) => c.reply));
    // Parsed and dispatched: no session, so the one dispatch refuses each one.
    for (const r of replies) expect(r).toMatchObject({ status: 200, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    const stats = host.bodyStats();
    expect(stats.peak).toBeGreaterThanOrEqual(1);
    expect(stats.peak).toBeLessThanOrEqual(2);
    expect(stats).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('beyond the queue the caller is told the desk is busy, in its language, and small calls never wait', async () => {
    const host = await open({ largeBodySlots: 1, largeBodyQueue: 0 });
    const body = uploadBody(2);
    const first = post(host, 'material.attach', body);
    first.req.write(body.subarray(0, 64 * 1024)); // holds the one slot while its body trickles in
    await until(() => host.bodyStats().inFlight === 1);
    for (const lang of ['en', 'zh-CN'] as const) {
      const busy = post(host, 'material.attach', body, { 'x-desk-lang': lang });
      busy.req.end(body);
      expect(await busy.reply).toMatchObject({
        status: 503,
        body: { ok: false, error: { code: 'RATE_LIMITED', message: translate(lang, 'host.busy') } },
      });
    }
    const small = post(host, 'auth.status', Buffer.from('{}'));
    small.req.end('{}');
    expect(await small.reply).toMatchObject({ status: 200, body: { ok: true } });
    first.req.end(body.subarray(64 * 1024));
    expect((await first.reply).status).toBe(200);
    expect(host.bodyStats()).toMatchObject({ inFlight: 0, peak: 1 });
  });
});

describe('aborted requests are ordinary (8: no stack trace per abort)', () => {
  const logged: string[] = [];
  const capture = (...args: unknown[]) => {
    logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
  };
  afterEach(() => vi.restoreAllMocks());

  it('a client closing mid-body, mid-call and mid-response logs at most one line each, without a stack', async () => {
    for (const level of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, level).mockImplementation(capture);
    const host = await open();
    let aborts = 0;

    // 1. Mid-body: half a large upload, then the socket closes.
    const body = uploadBody(8);
    const half = post(host, 'material.attach', body);
    half.reply.catch(() => undefined);
    half.req.write(body.subarray(0, 1024 * 1024));
    await until(() => host.bodyStats().inFlight === 1);
    half.req.destroy();
    aborts++;
    await until(() => host.bodyStats().inFlight === 0);

    // 2. Mid-call: the whole body arrives, the client leaves while the desk checks a password.
    const login = post(host, 'auth.login', Buffer.from(JSON.stringify({ username: 'nobody', password: 'wrong-password-1' })));
    login.reply.catch(() => undefined);
    login.req.end(Buffer.from(JSON.stringify({ username: 'nobody', password: 'wrong-password-1' })));
    login.req.on('finish', () => login.req.destroy());
    aborts++;

    // 3. Mid-response: a large file, dropped after the first bytes, twice.
    for (const path of ['/assets/big.js', '/assets/big.js']) {
      await new Promise<void>((resolve) => {
        const req = request({ host: '127.0.0.1', port: host.port, path }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => resolve());
        req.end();
      });
      aborts++;
    }

    // Every abort has been dealt with once the host answers a fresh call and its sockets are gone.
    const after = post(host, 'auth.status', Buffer.from('{}'));
    after.req.end('{}');
    expect((await after.reply).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(logged.length).toBeLessThanOrEqual(aborts);
    for (const line of logged) {
      expect(line).not.toMatch(/\n\s+at /);
      expect(line.split('\n')).toHaveLength(1);
    }
  });
});
