/**
 * What the server benchmark times, written once for both stores over the `Call` abstraction: a decision on SQLite
 * goes through dispatch in this process, on the server through HTTP to one of its instances.
 */
import { UNIT_CODES, type UnitCode } from '../src/shared/domain/units';
import type { Input } from '../src/shared/contract';
import { defaultSettings } from '../src/main/db/settings';
import type { LiveStream } from '../test/helpers/server';
import type { Call } from './server-setup';

/** One reviewer session per unit: a desk working its own filings through all five sections. */
export type Reviewers = Record<UnitCode, Call>;

export async function reviewersVia(login: (username: string) => Promise<Call>): Promise<Reviewers> {
  const out = {} as Reviewers;
  for (const u of UNIT_CODES) out[u] = await login(`rv-${u}`);
  return out;
}

let keys = 0;
function approve(filingId: number, unit: UnitCode, filingVersion: number, round: number): Input<'review.decide'> {
  return {
    filingId,
    section: unit,
    round,
    filingVersion,
    decision: 'approve',
    opinion: '',
    notInvolvedReason: '',
    checklist: defaultSettings().checklists[unit].map((c) => ({ code: c.code, result: 'pass', note: '' })),
    conditions: [],
    idempotencyKey: `bench-server-${process.pid}-${++keys}`,
  };
}

export interface Watch {
  stream: LiveStream;
  latencies: number[];
}

/**
 * The five approvals of one filing, each timed from send to reply. With `watch`, each decision also waits for its
 * `filing.changed` on the other instance's SSE stream and records send → arrival (an upper bound of commit →
 * arrival: the commit lies between send and reply).
 */
export async function decideFiling(rv: Reviewers, filingId: number, times: number[], watch?: Watch): Promise<void> {
  const view = await rv.yj('review.get', { filingId });
  let version = view.filingVersion;
  for (const u of UNIT_CODES) {
    const before = version; // the match below runs later, after `version` has moved on
    const arrived = watch
      ? watch.stream
          .waitFor(
            (e) => e.event === 'filing.changed' && e.payload.filingId === filingId && e.payload.version > before,
            10_000,
            watch.stream.events.length,
          )
          .then(() => performance.now())
      : null;
    const input = approve(filingId, u, version, view.currentRound ?? 1); // built before the clock starts: only the call is timed
    const t = performance.now();
    const next = await rv[u]('review.decide', input);
    times.push(performance.now() - t);
    version = next.filingVersion;
    if (arrived && watch) watch.latencies.push((await arrived) - t);
  }
}

export interface LoadRun {
  times: number[];
  wallMs: number;
  perSecond: number;
}

/** `clients` workers at once, worker k on its own share of `filings`; each runs `work` on its filings in turn. */
export async function underLoad(
  clients: number,
  filings: number[],
  worker: (k: number) => Promise<(filingId: number, times: number[]) => Promise<void>>,
): Promise<LoadRun> {
  // Set up one after another: parallel logins to one account are throttled as a password-guessing burst would be.
  const workers: Awaited<ReturnType<typeof worker>>[] = [];
  for (let k = 0; k < clients; k++) workers.push(await worker(k));
  const times: number[] = [];
  const t = performance.now();
  await Promise.all(
    workers.map(async (work, k) => {
      for (let i = k; i < filings.length; i += clients) await work(filings[i]!, times);
    }),
  );
  const wallMs = performance.now() - t;
  return { times, wallMs, perSecond: times.length / (wallMs / 1000) };
}

/** Issues the certificate of an approved filing as the clerk, timed from send to reply. */
export async function issueCertificate(clerk: Call, filingId: number, times: number[]): Promise<void> {
  const state = await clerk('certificate.forFiling', { filingId });
  const t = performance.now();
  await clerk('certificate.issue', { filingId, version: state.filingVersion, idempotencyKey: `bench-issue-${process.pid}-${filingId}` });
  times.push(performance.now() - t);
}
