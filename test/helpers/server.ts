/**
 * The district server as a real process (`node out/main/server.js`, built first when out/ is stale) and a scripted
 * client that does what a browser does: keeps the session cookie and sends the server's own Origin.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

/** Builds out/ when it is missing or older than the sources (as the end-to-end tests do). */
export function buildServerOnce(): void {
  const r = spawnSync(process.execPath, ['-e', "import('./scripts/serve.mjs').then((m) => m.ensureBuilt())"], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
}

/** Starts the server and resolves at its ready line, or with how it ended if it exits first. */
export function spawnServer(args: string[], env: Record<string, string> = {}, timeoutMs = 150_000): Promise<ServerProcess | Finished> {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'server.js'), ...args], {
    cwd: root,
    env: { ...process.env, DESK_TEST_FAST_KDF: '1', LANG: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^Desk server ready: (\S+)\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const url = m[1]!;
      resolve({
        url,
        port: Number(new URL(url).port),
        child,
        stdout: () => out,
        stderr: () => err,
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: out, stderr: err });
    });
  });
}

export async function startServer(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await spawnServer(args, env);
  if (!('url' in s)) throw new Error(`server exited ${s.code}: ${s.stderr}`);
  return s;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): any;
}

export interface ClientOptions {
  /** Trusted certificate for HTTPS (the server's self-signed one in tests). */
  ca?: Buffer;
  /** Another loopback source address (127.0.0.x), to play a different client machine. */
  localAddress?: string;
}

/** A scripted browser: one cookie jar, the server's own Origin on every request unless told otherwise. */
export class ServerClient {
  cookie: string | null = null;
  readonly origin: string;

  constructor(
    readonly base: string,
    private readonly opts: ClientOptions = {},
  ) {
    this.origin = new URL(base).origin;
  }

  send(
    method: string,
    path: string,
    opts: { body?: string; headers?: Record<string, string>; origin?: string | null } = {},
  ): Promise<Reply> {
    const u = new URL(path, this.base);
    const headers: Record<string, string> = { ...opts.headers };
    const origin = opts.origin === undefined ? this.origin : opts.origin;
    if (origin !== null) headers.origin = origin;
    if (this.cookie) headers.cookie = this.cookie;
    const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const extra = {
        ...(this.opts.ca ? { ca: this.opts.ca } : {}),
        ...(this.opts.localAddress ? { localAddress: this.opts.localAddress } : {}),
      };
      const req = request(u, { method, headers, ...extra }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('desk_session='));
          if (set) {
            const value = set.split(';')[0]!;
            this.cookie = value === 'desk_session=' ? null : value;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      });
      req.on('error', reject);
      if (opts.body !== undefined) req.end(opts.body);
      else req.end();
    });
  }

  rpc(channel: string, input: unknown = {}, opts: { origin?: string | null; lang?: string } = {}): Promise<Reply> {
    return this.send('POST', `/rpc/${channel}`, {
      body: JSON.stringify(input),
      headers: { 'content-type': 'application/json', 'x-desk-lang': opts.lang ?? 'en' },
      ...(opts.origin !== undefined ? { origin: opts.origin } : {}),
    });
  }

  /** The channel's value, or a thrown error naming the refusal. */
  async ok<T = any>(channel: string, input: unknown = {}): Promise<T> {
    const reply = await this.rpc(channel, input);
    const body = reply.json();
    if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message}`);
    return body.value as T;
  }

  async login(username: string, password: string): Promise<void> {
    await this.ok('auth.login', { username, password });
  }
}

export interface LiveStream {
  status: number;
  events: { event: string; payload: any }[];
  /** Resolves with the first event matching (from index `after` on), or rejects after `ms`. */
  waitFor(match: (e: { event: string; payload: any }) => boolean, ms: number, after?: number): Promise<{ event: string; payload: any }>;
  close(): void;
}

/** Opens `GET /events` with the client's cookie and collects its frames, as an EventSource would. */
export function openEvents(client: ServerClient, ca?: Buffer): Promise<LiveStream> {
  const u = new URL('/events?lang=en', client.base);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(u, { headers: client.cookie ? { cookie: client.cookie } : {}, ...(ca ? { ca } : {}) }, (res) => {
      const events: LiveStream['events'] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      res.on('data', (c: Buffer) => {
        buffer += c.toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (data) events.push(JSON.parse(data));
        }
        for (const w of waiters) w();
      });
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        events,
        waitFor: (match, ms, after = 0) =>
          new Promise((ok, fail) => {
            const check = () => {
              const found = events.slice(after).find(match);
              if (!found) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok(found);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching live event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.event))}`));
            }, ms);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
    req.end();
  });
}
