/**
 * crash-1 / crash-2 (reliability.md): writers decide in a loop and report each decision only after commit; they are
 * killed with SIGKILL at random moments. Every reported decision must survive, the file must pass integrity_check,
 * the audit chain must verify against the head kept outside the database, and counts must agree.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createTestDesk, reviewersByUnit, TEST_PASSWORD, type TestDesk } from '../helpers/desk';
import { openStore } from '../../src/main/db/store';
import { verifyChain } from '../../src/main/db/audit';
import type { UnitCode } from '../../src/shared/domain/units';

interface Writer {
  child: ChildProcess;
  reported: number[];
  done: boolean;
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** Decisions acknowledged in this life of the process. */
  life: number;
  onDecided?: () => void;
}

function startWriter(dir: string, username: string, unit: UnitCode, reported: number[], failures: string[]): Writer {
  // node itself with tsx as a loader, not `npx tsx`: SIGKILL must reach the process that writes, not a wrapper.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/support/crash-writer.ts', dir, username, TEST_PASSWORD, unit],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DESK_LOG_ERRORS: '1' } },
  );
  const w: Writer = { child, reported, done: false, ready: Promise.resolve(), exited: Promise.resolve(null), life: 0 };
  let buffer = '';
  let markReady: () => void = () => {};
  w.ready = new Promise((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line === 'READY') markReady();
      else if (line === 'DONE') w.done = true;
      else if (line.startsWith('DECIDED ')) {
        reported.push(Number(line.slice(8)));
        w.life++;
        w.onDecided?.();
      }
    }
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  w.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      markReady();
      if (code && code !== 0 && signal !== 'SIGKILL') failures.push(err);
      resolve(code);
    }),
  );
  return w;
}

async function prepare(filings: number, units: UnitCode[]): Promise<{ t: TestDesk; usernames: Record<string, string> }> {
  const t = await createTestDesk();
  const reviewers = await reviewersByUnit(t);
  for (let i = 0; i < filings; i++) await t.acceptedFiling({ index: i });
  const usernames: Record<string, string> = {};
  for (const u of units) usernames[u] = reviewers[u].username;
  return { t, usernames };
}

function check(dir: string, reported: number[], expectedDecisions: number) {
  const store = openStore(dir);
  try {
    const db = store.sqlite;
    expect(store.health.ok).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set((db.prepare('SELECT id FROM decisions').all() as { id: number }[]).map((r) => r.id));
    const lost = reported.filter((id) => !ids.has(id));
    expect(lost, 'acknowledged decisions lost').toEqual([]);
    expect(ids.size).toBe(expectedDecisions);
    // Versions and counts agree: one audited decision per decision row, no decision without its audit entry.
    const audited = (
      db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'review.decide' AND outcome = 'ok'").get() as { n: number }
    ).n;
    expect(audited).toBe(ids.size);
    const report = verifyChain(db, store.head.read());
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(true);
  } finally {
    store.close();
  }
}

async function runWithKills(dir: string, usernames: Record<string, string>, units: UnitCode[], kills: number) {
  const reported: number[] = [];
  const failures: string[] = [];
  const writers = new Map<UnitCode, Writer>();
  for (const u of units) writers.set(u, startWriter(dir, usernames[u]!, u, reported, failures));
  let killed = 0;
  while ([...writers.values()].some((w) => !w.done)) {
    const live = [...writers.entries()].filter(([, w]) => !w.done);
    if (killed < kills) {
      const [unit, w] = live[Math.floor(Math.random() * live.length)]!;
      await w.ready;
      // Kill after a random number of acknowledged decisions, then a random few milliseconds more, so the kill lands
      // anywhere: between decisions, inside a transaction, between commit and the report.
      const after = Math.floor(Math.random() * 4);
      if (w.life < after)
        await new Promise<void>((resolve) => ((w.onDecided = () => w.life >= after && resolve()), w.exited.then(() => resolve())));
      await new Promise((r) => setTimeout(r, Math.random() * 8));
      if (!w.done) {
        w.child.kill('SIGKILL');
        killed++;
      }
      await w.exited;
      if (!w.done) writers.set(unit, startWriter(dir, usernames[unit]!, unit, reported, failures));
    } else {
      await Promise.all(live.map(([, w]) => w.exited));
      for (const [unit, w] of live) if (!w.done) writers.set(unit, startWriter(dir, usernames[unit]!, unit, reported, failures));
    }
    expect(failures, 'a writer failed').toEqual([]);
  }
  return { reported, killed };
}

describe('crash safety', () => {
  it('crash-1: one writer killed with SIGKILL 20+ times loses no acknowledged decision', async () => {
    const units: UnitCode[] = ['yj'];
    const { t, usernames } = await prepare(150, units);
    t.desk.close();
    const { reported, killed } = await runWithKills(t.dir, usernames, units, 20);
    expect(killed).toBeGreaterThanOrEqual(20);
    check(t.dir, reported, 150);
  }, 600_000);

  it('crash-2: four writers at once, over 1,000 decisions, killed at random, no SQLITE_BUSY', async () => {
    const units: UnitCode[] = ['yj', 'hb', 'gh', 'yq'];
    const { t, usernames } = await prepare(260, units);
    t.desk.close();
    const { reported, killed } = await runWithKills(t.dir, usernames, units, 12);
    expect(killed).toBeGreaterThanOrEqual(12);
    expect(reported.length).toBeGreaterThan(1000 - 60);
    check(t.dir, reported, 260 * 4);
  }, 900_000);
});
