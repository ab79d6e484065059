/**
 * Issue 3 benchmarks: recording a review decision through dispatch on a desk holding 100,000 filings and 1,000,000
 * audit entries (target p95 < 10 ms), and building the trajectory map of a filing with 200 events (target < 50 ms).
 * Run: `npx tsx bench/review.bench.ts` (or `npm run bench -- review`). BENCH_FILINGS / BENCH_AUDIT shrink the seed.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLargeDesk } from './seed';
import { intoReview } from './into-review';
import { machine, ms, summary, time } from './lib';
import { createDesk } from '../src/main/desk';
import { write, type Ctx } from '../src/main/services';
import type { Channel, Input, Output } from '../src/shared/contract';
import type { ReviewView } from '../src/shared/contract/review';
import { UNIT_CODES, type UnitCode } from '../src/shared/domain/units';

import { defaultSettings, loadSettings } from '../src/main/db/settings';
import { getPauses } from '../src/main/db/filings';
import { getDecisions, getEvents, getRounds } from '../src/main/db/review';
import { requireFiling } from '../src/main/filings/view';
import { buildTrajectory } from '../src/main/review/trajectory';

const PASSWORD = 'bench-password-2026';

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the decision loop only. */
async function startProfile(): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main() {
  const FILINGS = Number(process.env.BENCH_FILINGS ?? 100_000);
  const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
  const REVIEWED = Number(process.env.BENCH_REVIEWED ?? 60);
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-review-'));
  console.log(`machine: ${machine()}`);
  console.log(`seeding ${FILINGS.toLocaleString()} filings and ${AUDIT.toLocaleString()} audit entries…`);
  const [seedMs] = await time(() => seedLargeDesk(dir, { filings: FILINGS, auditEntries: AUDIT }));
  const size = statSync(join(dir, 'desk.sqlite')).size / 2 ** 20;
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s; database ${size.toFixed(0)} MiB`);

  const desk = createDesk(dir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  let conn = 0;
  const as =
    (connectionId: string) =>
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await desk.dispatch(channel, input, { connectionId, lang: 'en' });
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as Output<C>;
    };
  const login = async (username: string) => {
    const call = as(`bench:${++conn}`);
    await call('auth.login', { username, password: PASSWORD });
    return call;
  };
  await as('bench:setup')('auth.setup', { username: 'admin', displayName: 'Bench admin', password: PASSWORD });
  const admin = await login('admin');
  await admin('accounts.create', { username: 'clerk', displayName: 'Bench clerk', role: 'clerk', unit: 'sp', password: PASSWORD });
  const clerk = await login('clerk');
  const reviewer = {} as Record<UnitCode, Awaited<ReturnType<typeof login>>>;
  for (const u of UNIT_CODES) {
    await admin('accounts.create', { username: `rv-${u}`, displayName: `Reviewer ${u}`, role: 'reviewer', unit: u, password: PASSWORD });
    reviewer[u] = await login(`rv-${u}`);
  }

  console.log(`accepting ${REVIEWED} filings through the handlers…`);
  const settings = defaultSettings();
  const accepted: number[] = [];
  for (let i = 0; i < REVIEWED; i++) accepted.push(await intoReview(clerk, i));

  // Each decision through dispatch: session lookup, schema, authority, facts hash, insert, combine, audit, commit.
  const profiling = process.env.BENCH_PROFILE ? await startProfile() : null;
  const decideTimes: number[] = [];
  const closingTimes: number[] = [];
  const baseline: number[] = [];
  const loadBefore = loadavg()[0]!.toFixed(1);
  const baseCtx: Ctx = { services: desk.services, actor: null, now: new Date(), lang: 'en', connectionId: 'bench:baseline' };
  let key = 0;
  for (const id of accepted) {
    let view: ReviewView = await clerk('review.get', { filingId: id });
    for (const u of UNIT_CODES) {
      const items = settings.checklists[u];
      const decision = u === 'yq' && id % 3 === 0 ? 'approveWithConditions' : 'approve';
      const input: Input<'review.decide'> = {
        filingId: id,
        section: u,
        round: 1,
        filingVersion: view.filingVersion,
        decision,
        opinion: decision === 'approve' ? '' : '同意，附条件',
        notInvolvedReason: '',
        checklist: items.map((c) => ({ code: c.code, result: 'pass', note: '' })),
        conditions: decision === 'approve' ? [] : [{ text: '试运行前完成应急演练', verifyingUnit: 'yq', dueDays: 20, blocks: 'hold' }],
        idempotencyKey: `bench-decide-${++key}`,
      };
      const [t, v] = await time(() => reviewer[u]('review.decide', input));
      (u === 'yq' ? closingTimes : decideTimes).push(t);
      // Interleaved baseline: the cheapest acknowledged write there is (one audit entry, commit, chain head file).
      baseline.push((await time(() => write(baseCtx, ({ audit }) => audit({ action: 'bench.baseline', target: null }))))[0]);
      view = v;
    }
  }
  if (profiling) await profiling();
  const all = summary([...decideTimes, ...closingTimes]);
  const closing = summary(closingTimes);
  const floor = summary(baseline);
  console.log(
    `review.decide through dispatch: p50 ${ms(all.p50)}, p95 ${ms(all.p95)}, max ${ms(all.max)} over ${all.n}  (target p95 < 10 ms)`,
  );
  console.log(`  of which round-closing decisions: p50 ${ms(closing.p50)}, p95 ${ms(closing.p95)}`);
  console.log(`  baseline write (one audit entry + commit), interleaved: p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`);

  // A filing with 200 events: 100 expert-review pauses and resumptions through the handlers.
  const busy = accepted.length
    ? await (async () => {
        const filingId = await intoReview(clerk, 999);
        const view = await clerk('filing.get', { id: filingId });
        let version = view.version;
        for (let i = 0; i < 196; i++)
          version = (await clerk('review.pauseClock', { filingId: view.id, version, pause: i % 2 === 0, reason: '专家评审' }))
            .filingVersion;
        let rv: ReviewView = await clerk('review.get', { filingId: view.id });
        for (const u of ['yj', 'hb', 'gh'] as const)
          rv = await reviewer[u]('review.decide', {
            filingId: view.id,
            section: u,
            round: 1,
            filingVersion: rv.filingVersion,
            decision: 'approve',
            opinion: '',
            notInvolvedReason: '',
            checklist: settings.checklists[u].map((c) => ({ code: c.code, result: 'pass' as const, note: '' })),
            conditions: [],
            idempotencyKey: `bench-busy-${u}`,
          });
        return view.id;
      })()
    : null;

  const db = desk.services.store.db;
  const events = busy ? (await getEvents(db, busy)).length : 0;
  const viaDispatch: number[] = [];
  const pure: number[] = [];
  if (busy) {
    for (let i = 0; i < 100; i++) viaDispatch.push((await time(() => clerk('trajectory.get', { filingId: busy })))[0]);
    const filing = await requireFiling(db, busy);
    const [ev, rounds, decisions, pauses, s] = await Promise.all([
      getEvents(db, busy),
      getRounds(db, busy),
      getDecisions(db, busy),
      getPauses(db, busy),
      loadSettings(db),
    ]);
    for (let i = 0; i < 200; i++)
      pure.push((await time(() => buildTrajectory({ filing, events: ev, rounds, decisions, pauses, settings: s, now: new Date() })))[0]);
  }
  const traj = summary(viaDispatch);
  const build = summary(pure);
  console.log(`trajectory.get (${events} events) through dispatch: p50 ${ms(traj.p50)}, p95 ${ms(traj.p95)}  (target < 50 ms)`);
  console.log(`  builder alone: p50 ${ms(build.p50)}, p95 ${ms(build.p95)}`);

  const inboxTimes: number[] = [];
  for (let i = 0; i < 20; i++) inboxTimes.push((await time(() => reviewer.yj('review.inbox', {})))[0]);
  const clerkInbox: number[] = [];
  for (let i = 0; i < 20; i++) clerkInbox.push((await time(() => clerk('review.inbox', {})))[0]);
  const inbox = summary(inboxTimes);
  const inboxAll = summary(clerkInbox);
  console.log(`review.inbox (reviewer / all units): p95 ${ms(inbox.p95)} / ${ms(inboxAll.p95)}`);

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  desk.close();
  rmSync(dir, { recursive: true, force: true });

  const met = (v: number, target: number) => (v < target ? 'met' : 'NOT met');
  writeFileSync(
    join(__dirname, 'RESULTS-review.md'),
    `# Joint-review benchmark

Written by \`bench/review.bench.ts\` (\`npx tsx bench/review.bench.ts\`); figures from the last run.

- machine: ${machine()}
- date: ${new Date().toISOString()}; load average before the decisions ${loadBefore}, at the end ${load}
  (the machine may be shared with other work; timings under load are higher than on an idle machine)
- database: ${FILINGS.toLocaleString()} filings and ${AUDIT.toLocaleString()} chained audit entries seeded by direct SQL
  (\`bench/seed.ts\`, ${(seedMs / 1000).toFixed(1)} s, ${size.toFixed(0)} MiB), plus ${REVIEWED} filings taken through intake and
  acceptance by the real handlers; SQLite WAL with synchronous=FULL
- each decision goes through \`dispatch\`: session lookup, strict schema, authority, version check, facts hash
  (SHA-256 over canonical JSON of the unit's fields and material hashes), insert (authority trigger), round
  combining, version bump, audit entry on the 1,000,000-entry chain, commit

| measure | p50 | p95 | max | n | target |
|---|---|---|---|---|---|
| review.decide through dispatch | ${ms(all.p50)} | ${ms(all.p95)} | ${ms(all.max)} | ${all.n} | p95 < 10 ms (${met(all.p95, 10)}) |
| … the round-closing (5th) decision | ${ms(closing.p50)} | ${ms(closing.p95)} | ${ms(closing.max)} | ${closing.n} | – |
| baseline: one audit entry + commit + chain head, interleaved | ${ms(floor.p50)} | ${ms(floor.p95)} | ${ms(floor.max)} | ${floor.n} | – |
| trajectory.get, ${events} events, through dispatch | ${ms(traj.p50)} | ${ms(traj.p95)} | ${ms(traj.max)} | ${traj.n} | < 50 ms (${met(traj.p95, 50)}) |
| trajectory builder alone, same filing | ${ms(build.p50)} | ${ms(build.p95)} | ${ms(build.max)} | ${build.n} | – |
| review.inbox, one reviewer | ${ms(inbox.p50)} | ${ms(inbox.p95)} | ${ms(inbox.max)} | ${inbox.n} | – |
| review.inbox, clerk (all units) | ${ms(inboxAll.p50)} | ${ms(inboxAll.p95)} | ${ms(inboxAll.max)} | ${inboxAll.n} | – |
`,
  );
  console.log('wrote bench/RESULTS-review.md');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
