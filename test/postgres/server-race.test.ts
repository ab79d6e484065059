/**
 * pg-1 and pg-2 of reliability.md on the district server: two instances on one database and eight client processes
 * (test/helpers/race-client.ts) racing decisions, supplements and certificate issues on the same filings for
 * DESK_RACE_SECONDS (60 by default), with PostgreSQL stopped and started again in the middle. This test runs its own
 * throwaway cluster so it can restart it. Afterwards: every acknowledged write is in the database exactly once,
 * certificate numbers are unique and gapless, there is one audit chain and it verifies; during the outage clients got
 * a stable error code (no hang, no crash), and both instances came back by themselves.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgBin, startCluster } from '../../scripts/pg-cluster.mjs';
import { buildServerOnce, root, ServerClient, startServer, type ServerProcess } from '../helpers/server';

const DEMO_PASSWORD = 'demo-2026-desk';
const SECONDS = Number(process.env.DESK_RACE_SECONDS ?? 60);
const OUTAGE_MS = 3000;
let cluster: Awaited<ReturnType<typeof startCluster>>;
let dir: string;
let url: string;
let a: ServerProcess;
let b: ServerProcess;

/** pg_ctl on the test's own cluster (as the postgres user when the tests run as root, like scripts/pg-cluster.mjs). */
function pgCtl(...args: string[]): void {
  const bin = join(findPgBin()!, 'pg_ctl');
  const asRoot = process.getuid?.() === 0;
  const data = join(cluster.dir, 'data');
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, '-D', data, ...args], { encoding: 'utf8' })
    : spawnSync(bin, ['-D', data, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}: ${r.stderr || r.stdout}`);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
const count = async (table: string) => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

interface ClientLog {
  acks: { key: string; channel: string; filingId: number; at: number; via: string }[];
  codes: Record<string, number>;
  hangs: number;
  refusals: { code: string; at: number }[];
}

interface RaceClient {
  /** Resolves once the client has signed in. */
  ready: Promise<void>;
  /** Starts its work until `until`; resolves with its log when it exits. */
  go(until: number): Promise<ClientLog>;
}

/** One client process doing one user's work. */
function startClient(config: Record<string, unknown>, log: string): RaceClient {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test', 'helpers', 'race-client.ts')], {
    cwd: root,
    env: { ...process.env, RACE_CONFIG: JSON.stringify(config), RACE_LOG: log },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const done = new Promise<ClientLog>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(readFileSync(log, 'utf8')) as ClientLog) : reject(new Error(`client ${log} exited ${code}`)),
    ),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString('utf8').includes('ready') && resolve());
    done.then(() => reject(new Error(`client ${log} ended before it was ready`)), reject);
  });
  return { ready, go: (until) => (child.stdin!.end(`${JSON.stringify({ until })}\n`), done) };
}

beforeAll(async () => {
  buildServerOnce();
  cluster = await startCluster();
  dir = mkdtempSync(join(tmpdir(), 'desk-race-'));
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE desk_race');
  await admin.end();
  url = cluster.url.replace(/\/postgres$/, '/desk_race');
  const args = ['--database', url, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', join(dir, 'shared')];
  a = await startServer([...args, '--demo']);
  b = await startServer(args);
}, 300_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('pg-1: eight clients on two instances, PostgreSQL restarted mid-run', () => {
  it('acknowledged writes land exactly once, numbers stay gapless, one chain verifies', { timeout: (SECONDS + 240) * 1000 }, async () => {
    const before = { decisions: await count('decisions'), certificates: await count('certificates'), rounds: await count('review_rounds') };
    const both = [a.url, b.url];
    const other = [b.url, a.url];
    const clients = [
      ...(['yj', 'hb', 'gh', 'sp', 'yq'] as const).map((unit, i) => ({
        username: unit,
        work: 'decide',
        unit,
        bases: i % 2 ? other : both,
      })),
      { username: 'yj', work: 'decide', unit: 'yj', bases: other },
      { username: 'clerk', work: 'supplement', bases: both },
      { username: 'clerk', work: 'issue', bases: other },
    ];
    const started = clients.map((c, i) => startClient({ ...c, password: DEMO_PASSWORD }, join(dir, `client-${i}.json`)));
    await Promise.all(started.map((c) => c.ready));
    const until = Date.now() + SECONDS * 1000;
    const running = started.map((c) => c.go(until));

    // PostgreSQL goes away for a few seconds in the middle of the run, and comes back on the same port.
    await new Promise((r) => setTimeout(r, SECONDS * 400));
    pgCtl('-m', 'fast', '-w', 'stop');
    const down = Date.now();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    pgCtl('-w', '-l', join(cluster.dir, 'server.log'), 'restart');
    const up = Date.now();
    const logs = await Promise.all(running);

    const codes: Record<string, number> = {};
    for (const l of logs) for (const [code, n] of Object.entries(l.codes)) codes[code] = (codes[code] ?? 0) + n;
    const acks = logs.flatMap((l) => l.acks);
    if (a.child.exitCode !== null || b.child.exitCode !== null) console.error(`instances: ${a.stderr()}\n${b.stderr()}`);
    const phase = (at: number) => (at < down ? 'before' : at < up ? 'outage' : 'after');
    const timeline: Record<string, Record<string, number>> = { before: {}, outage: {}, after: {} };
    for (const e of [...acks.map((k) => ({ code: 'ack', at: k.at })), ...logs.flatMap((l) => l.refusals)])
      timeline[phase(e.at)]![e.code] = (timeline[phase(e.at)]![e.code] ?? 0) + 1;
    const perChannel: Record<string, number> = {};
    for (const k of acks) perChannel[k.channel] = (perChannel[k.channel] ?? 0) + 1;
    console.log(`pg-1: ${JSON.stringify(perChannel)} acknowledged in ${SECONDS} s; by phase ${JSON.stringify(timeline)}`);
    expect(logs.map((l) => l.hangs)).toEqual(logs.map(() => 0));
    // Both servers stayed up: no client ever saw a refused or reset connection, only answers with stable codes —
    // STALE and CONFLICT when a racing write moved the filing on first (a round closed by another unit's decision, a
    // certificate already issued), UNAVAILABLE while PostgreSQL was down. Such a refusal writes nothing (counted below).
    expect(Object.keys(codes).filter((c) => !['STALE', 'CONFLICT', 'UNAVAILABLE', 'login:UNAVAILABLE'].includes(c))).toEqual([]);
    expect(codes.UNAVAILABLE).toBeGreaterThan(0);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    // Both instances went on writing after the restart, without being restarted themselves.
    expect(new Set(acks.filter((k) => k.at > up).map((k) => k.via))).toEqual(new Set(both));
    expect(acks.filter((k) => k.at > down && k.at < up)).toEqual([]);

    // Every acknowledged key once in the database, on its channel; and nothing written that was not acknowledged.
    const keys = await query<{ key: string; channel: string }>('SELECT key, channel FROM idempotency WHERE key LIKE $1', ['race-%']);
    const stored = new Map(keys.map((k) => [k.key, k.channel]));
    expect(keys.length).toBe(stored.size);
    expect(acks.filter((k) => stored.get(k.key) !== k.channel)).toEqual([]);
    expect(stored.size).toBe(acks.length);
    const acked = (channel: string) => acks.filter((k) => k.channel === channel).length;
    expect(acked('review.decide')).toBeGreaterThan(0);
    expect(acked('certificate.issue')).toBeGreaterThan(0);
    expect(await count('decisions')).toBe(before.decisions + acked('review.decide'));
    expect(await count('certificates')).toBe(before.certificates + acked('certificate.issue'));
    // A round opens with each supplement recorded and each filing accepted.
    expect(await count('review_rounds')).toBe(before.rounds + acked('review.recordSupplement') + acked('acceptance.decide'));

    const numbers = await query<{ year: number; seqs: number[]; n: number; distinct: number }>(
      'SELECT year, array_agg(seq ORDER BY seq) AS seqs, count(*)::int AS n, count(DISTINCT number)::int AS distinct FROM certificates GROUP BY year',
    );
    for (const y of numbers) {
      expect(y.seqs).toEqual(Array.from({ length: y.n }, (_, i) => i + 1));
      expect(y.distinct).toBe(y.n);
    }

    const admin = new ServerClient(b.url);
    await admin.login('admin', DEMO_PASSWORD);
    const report = await admin.ok<{ ok: boolean; entries: number }>('audit.verify');
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.entries).toBe(await count('audit_log'));
  });
});
