/**
 * Two district-server processes on one PostgreSQL database (issue 16, items 2 and 4): nothing they must agree on lives
 * in either's memory. Sessions, login slow-downs, idempotency keys, the audit chain and live updates all hold across
 * them. Both instances share one data folder (the signing key, the anchored chain head and the attachments).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../helpers/store';
import { decisionInput, newKey } from '../helpers/desk';
import { buildServerOnce, openEvents, ServerClient, startServer, type ServerProcess } from '../helpers/server';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import type { InboxRow, ReviewView } from '../../src/shared/contract/review';

const DEMO_PASSWORD = 'demo-2026-desk';
let dir: string;
let url: string;
let a: ServerProcess;
let b: ServerProcess;
let db: pg.Client;

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-instances-'));
  url = databaseUrl(await createDatabase('desk_instances'));
  const common = ['--database', url, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', join(dir, 'shared'), '--demo'];
  a = await startServer(common);
  // The second instance is asked for the demo too: the database is no longer empty, so nothing is loaded twice.
  b = await startServer(common);
  db = new pg.Client({ connectionString: url });
  await db.connect();
}, 300_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), db?.end()]);
  rmSync(dir, { recursive: true, force: true });
});

const signedIn = async (server: ServerProcess, username: string) => {
  const client = new ServerClient(server.url);
  await client.login(username, DEMO_PASSWORD);
  return client;
};
const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** Filings waiting for `unit`'s decision, as that reviewer's inbox lists them. */
async function waitingFor(client: ServerClient, unit: UnitCode): Promise<number[]> {
  const inbox = await client.ok<InboxRow[]>('review.inbox');
  return inbox.filter((r) => r.state === 'in_review' && r.sections.includes(unit) && r.staleSections.length === 0).map((r) => r.filingId);
}

describe('two server instances on one database', () => {
  it('loads the demo once: the second instance leaves a non-empty database alone', async () => {
    expect(b.stderr()).toMatch(/already holds accounts; the demo data was not loaded/);
    expect(await count('SELECT count(*)::int AS n FROM users WHERE username = $1', ['admin'])).toBe(1);
  });

  it('a session made on A works on B, and a logout on B ends it on A', async () => {
    const onA = await signedIn(a, 'admin');
    const onB = new ServerClient(b.url);
    onB.cookie = onA.cookie;
    expect((await onB.ok('auth.status')).actor.username).toBe('admin');
    await onB.ok('auth.logout');
    expect((await onA.rpc('accounts.list')).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('the same idempotency key on A, then on B, decides once', async () => {
    const yjA = await signedIn(a, 'yj');
    const yjB = new ServerClient(b.url);
    await yjB.login('yj', DEMO_PASSWORD);
    const [filingId] = await waitingFor(yjA, 'yj');
    expect(filingId).toBeDefined();
    const view = await yjA.ok<ReviewView>('review.get', { filingId });
    const input = decisionInput(view, 'yj', 'approve', { key: newKey('instances') });
    const decisionsBefore = await count('SELECT count(*)::int AS n FROM decisions WHERE filing_id = $1', [filingId]);
    const first = await yjA.ok<ReviewView>('review.decide', input);
    const again = await yjB.ok<ReviewView>('review.decide', input);
    expect(again).toEqual(first);
    expect(await count('SELECT count(*)::int AS n FROM decisions WHERE filing_id = $1', [filingId])).toBe(decisionsBefore + 1);
    expect(await count('SELECT count(*)::int AS n FROM idempotency WHERE key = $1', [input.idempotencyKey])).toBe(1);
  });

  it('decisions racing from both instances keep one chain that verifies, and reach the other instance live', async () => {
    const reviewers = Object.fromEntries(
      await Promise.all(UNIT_CODES.map(async (u, i) => [u, await signedIn(i % 2 ? b : a, u)] as const)),
    ) as Record<UnitCode, ServerClient>;
    // A desk on B watching: decisions made on A reach it through PostgreSQL's NOTIFY.
    const watcher = await signedIn(b, 'observer');
    const live = await openEvents(watcher);
    expect(live.status).toBe(200);

    expect(reviewers.yj.base).toBe(a.url);
    const jobs: Promise<{ ok: boolean; code?: string; filingId: number; unit: UnitCode; via: string }>[] = [];
    for (const unit of UNIT_CODES) {
      const client = reviewers[unit];
      // Each unit keeps its last waiting filing for the tests below (the live check here, pg-2 after it).
      const waiting = await waitingFor(client, unit);
      for (const filingId of waiting.slice(0, Math.min(2, waiting.length - 1))) {
        const view = await client.ok<ReviewView>('review.get', { filingId });
        const input = decisionInput(view, unit, 'approve', { key: newKey(`race-${unit}`) });
        jobs.push(
          client.rpc('review.decide', input).then((r) => {
            const body = r.json();
            return { ok: body.ok, code: body.error?.code, filingId, unit, via: new URL(client.base).port };
          }),
        );
      }
    }
    const results = await Promise.all(jobs);
    // Every refusal is a version check (another unit's decision on the same filing came first), never a failure;
    // the reviewer's desk re-reads and decides again, as the renderer does after STALE.
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => r.code === 'STALE')).toBe(true);
    for (const { unit, filingId } of refused) {
      const again = await reviewers[unit].ok<ReviewView>('review.get', { filingId });
      await reviewers[unit].ok('review.decide', decisionInput(again, unit, 'approve', { key: newKey(`again-${unit}`) }));
    }
    expect(new Set(results.map((r) => r.via)).size).toBe(2);

    // One more decision, made on A only, after everything above: B's watcher sees it within a few seconds.
    const mark = live.events.length;
    const [next] = await waitingFor(reviewers.yj, 'yj');
    const view = await reviewers.yj.ok<ReviewView>('review.get', { filingId: next });
    await reviewers.yj.ok('review.decide', decisionInput(view, 'yj', 'approve', { key: newKey('live') }));
    await live.waitFor((e) => e.event === 'filing.changed' && e.payload.filingId === next, 5000, mark);
    live.close();

    const admin = await signedIn(b, 'admin');
    const report = await admin.ok<{ ok: boolean; entries: number; problem: string | null }>('audit.verify');
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.entries).toBe(await count('SELECT count(*)::int AS n FROM audit_log'));
  });

  it('session-1: a password reset or a disabled account on A ends that user’s sessions on B', async () => {
    const admin = await signedIn(a, 'admin');
    const accounts = await admin.ok<{ id: number; username: string }[]>('accounts.list');
    const idOf = (username: string) => accounts.find((x) => x.username === username)!.id;
    const yq = await signedIn(b, 'yq');
    const observer = await signedIn(b, 'observer');
    const yqCookie = yq.cookie;
    expect(yqCookie).toMatch(/^desk_session=/);
    expect((await yq.ok('auth.status')).actor.username).toBe('yq');
    expect((await observer.ok('auth.status')).actor.username).toBe('observer');

    await admin.ok('accounts.resetPassword', { id: idOf('yq'), password: 'Harbor-quill-5823' });
    await admin.ok('accounts.setDisabled', { id: idOf('observer'), disabled: true });
    expect((await yq.ok('auth.status')).actor).toBeNull();
    expect((await observer.ok('auth.status')).actor).toBeNull();
    expect((await yq.rpc('review.inbox')).json().error.code).toBe('UNAUTHENTICATED');
    // Another client reusing the old cookie is nobody too.
    const replay = new ServerClient(a.url);
    replay.cookie = yqCookie;
    expect((await replay.rpc('review.inbox')).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('login slow-down counts attempts sent to A and B at once as one series', async () => {
    // Another loopback address, so this client's failures do not slow the tests' own address.
    const clients = [a, b].map((s) => new ServerClient(s.url, { localAddress: '127.0.0.2' }));
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => clients[i % 2]!.rpc('auth.login', { username: 'gh', password: `wrong-password-${i}` })),
    );
    const tally: Record<string, number> = {};
    for (const r of replies) tally[r.json().error.code] = (tally[r.json().error.code] ?? 0) + 1;
    expect(tally).toEqual({ UNAUTHENTICATED: 3, RATE_LIMITED: 17 });
    expect(await count("SELECT failures::int AS n FROM login_throttle WHERE key = 'user:gh'")).toBe(3);
    // The right password, from yet another address and the other instance, waits too.
    const right = await new ServerClient(b.url, { localAddress: '127.0.0.3' }).rpc('auth.login', {
      username: 'gh',
      password: DEMO_PASSWORD,
    });
    expect(right.json().error.code).toBe('RATE_LIMITED');
  });

  it('pg-2: an instance killed mid-decision; the retry with the same key on the other instance acts once', async () => {
    const spB = await signedIn(b, 'sp');
    const spA = await signedIn(a, 'sp');
    const [filingId] = await waitingFor(spB, 'sp');
    expect(filingId).toBeDefined();
    const view = await spB.ok<ReviewView>('review.get', { filingId });
    const input = decisionInput(view, 'sp', 'approve', { key: newKey('killed') });
    const before = await count('SELECT count(*)::int AS n FROM decisions WHERE filing_id = $1', [filingId]);
    // The request is on its way when B dies: it may or may not have committed; the client cannot tell.
    const inFlight = spB.rpc('review.decide', input).then(
      (r) => r.status,
      (err: Error) => err.message,
    );
    b.child.kill('SIGKILL');
    await inFlight;
    await expect(spB.rpc('auth.status')).rejects.toThrow(/ECONNREFUSED|socket hang up|ECONNRESET/);
    const retried = await spA.ok<ReviewView>('review.decide', input);
    expect(retried.filingId).toBe(filingId);
    expect(await count('SELECT count(*)::int AS n FROM decisions WHERE filing_id = $1', [filingId])).toBe(before + 1);
    expect(await count('SELECT count(*)::int AS n FROM idempotency WHERE key = $1', [input.idempotencyKey])).toBe(1);
    const admin = await signedIn(a, 'admin');
    expect(await admin.ok('audit.verify')).toMatchObject({ ok: true, problem: null });
  });
});
