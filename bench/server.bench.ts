/**
 * Issue 16 benchmarks: the district server on PostgreSQL side by side with the SQLite desk, in one run on the same
 * data (bench/server-setup.ts). Needs a PostgreSQL cluster:
 *   node scripts/pg-cluster.mjs run -- npx tsx bench/server.bench.ts
 * BENCH_FILINGS / BENCH_AUDIT size the seed (default 100,000 / 1,000,000); BENCH_SINGLE filings (×5 decisions) for
 * the one-client figures, after BENCH_WARM filings (default 30) decided on each side and not counted; BENCH_PER_CLIENT
 * filings per client under load; BENCH_KEEP=1 leaves the database in the cluster for a closer look (with DESK_PG_URL
 * pointing at a cluster that outlives the run). Prints figures; never passes or fails on time. Writes
 * bench/RESULTS-server.md. Not part of `npm test`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDesk } from '../src/main/desk';
import { createPgKysely, createPool } from '../src/main/db/postgres/connection';
import { buildServerOnce, openEvents, ServerClient, spawnServer, type ServerProcess } from '../test/helpers/server';
import { machine, summary } from './lib';
import { copyDesk, dispatchLogin, moveToPg, PASSWORD, prepareDesk, settlePg, type Call } from './server-setup';
import { decideFiling, issueCertificate, reviewersVia, underLoad, type LoadRun, type Watch } from './server-measure';
import { decideInProcess } from './server-inproc';
import { render } from './server-report';
import { BASE, listSearch, pgExplainCount, QUERIES } from './server-list';

const FILINGS = Number(process.env.BENCH_FILINGS ?? 100_000);
const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 30);
/**
 * Filings decided on each side before the one-client timings, not counted: a server runs all day, and its first few
 * hundred decisions after a start are slower (its connections prepare their statements, PostgreSQL settles on their
 * plans, V8 compiles the hot paths; each loop of a run came out faster than the one before it). Reported on a row of
 * their own.
 */
const WARM = Number(process.env.BENCH_WARM ?? 30);
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 2);
const LIST_ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 6);

const httpLogin =
  (server: ServerProcess) =>
  async (username: string): Promise<Call> => {
    const client = new ServerClient(server.url);
    await client.login(username, PASSWORD);
    return ((channel: string, input: unknown) => client.ok(channel, input)) as Call;
  };

/** An instance checks the whole chain before it is ready: on 1,000,000 entries under load that can take minutes. */
async function start(args: string[]): Promise<ServerProcess> {
  const s = await spawnServer(args, {}, 600_000);
  if (!('url' in s)) throw new Error(`server exited ${s.code}: ${s.stderr}`);
  return s;
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

async function main() {
  const adminUrl = process.env.DESK_PG_URL;
  if (!adminUrl) {
    // `npm run bench` runs every benchmark: without a cluster this one says how to run it and is skipped.
    console.log('skipped: the server benchmark needs PostgreSQL; run node scripts/pg-cluster.mjs run -- npx tsx bench/server.bench.ts');
    return;
  }
  console.log(`machine: ${machine()}; load ${loadNow()}`);
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-server-'));
  const [deskDir, sqliteDir, serverDir] = ['desk', 'sqlite', 'server'].map((d) => join(root, d)) as [string, string, string];
  // Consecutive shares of the filings taken into review, one per timed part.
  type Part = 'warm' | 'single' | 'live' | 'c8' | 'c32' | 'inproc';
  const sizes: [Part, number][] = [
    ['warm', WARM],
    ['single', SINGLE],
    ['live', SINGLE],
    ['c8', 8 * PER_CLIENT],
    ['c32', 32 * PER_CLIENT],
    ['inproc', Math.ceil(SINGLE / 2)],
  ];
  const slices = {} as Record<Part, [number, number]>;
  sizes.reduce((from, [k, n]) => ((slices[k] = [from, from + n]), from + n), 0);
  log(`seeding ${FILINGS.toLocaleString()} filings, ${AUDIT.toLocaleString()} audit entries; ${slices.inproc[1]} filings into review…`);
  const prepared = await prepareDesk(deskDir, { filings: FILINGS, audit: AUDIT, ready: slices.inproc[1] });
  const part = (k: keyof typeof slices) => prepared.inReview.slice(...slices[k]);
  copyDesk(deskDir, sqliteDir);
  const dbName = `desk_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  log(
    `seeded in ${(prepared.seedMs / 1000).toFixed(1)} s, into review in ${(prepared.prepareMs / 1000).toFixed(1)} s; moving into PostgreSQL…`,
  );
  const moved = await moveToPg(deskDir, url, serverDir, adminUrl);
  await settlePg(adminUrl);
  log(`moved in ${(moved.ms / 1000).toFixed(1)} s; starting two server instances…`);
  buildServerOnce();
  const args = ['--database', url, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', serverDir];
  const a = await start(args);
  const b = await start(args);
  const desk = createDesk(sqliteDir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const pool = createPool(url, 2);
  const loadBefore = loadNow();
  try {
    log('one client: decisions (SQLite through dispatch; server through HTTP on A)…');
    const decide1 = { sqlite: [] as number[], pg: [] as number[] };
    const rvSqlite = await reviewersVia((u) => dispatchLogin(desk, u));
    const rvA = await reviewersVia(httpLogin(a));
    const [warmSqlite, warmPg] = [[] as number[], [] as number[]];
    for (const id of part('warm')) await decideFiling(rvSqlite, id, warmSqlite);
    for (const id of part('warm')) await decideFiling(rvA, id, warmPg);
    for (const id of part('single')) await decideFiling(rvSqlite, id, decide1.sqlite);
    for (const id of part('single')) await decideFiling(rvA, id, decide1.pg);
    // Live updates in a loop of their own: the same client on A, now with a desk on B watching (its SSE stream), each
    // decision timed again and waited for on B. One client alone is the row above.
    log('live: decisions on A, each waited for on an SSE client of B…');
    const watched: number[] = [];
    const watcher = new ServerClient(b.url);
    await watcher.login('clerk', PASSWORD);
    const watch: Watch = { stream: await openEvents(watcher), latencies: [] };
    for (const id of part('live')) await decideFiling(rvA, id, watched, watch);
    watch.stream.close();
    const inproc = await decideInProcess(url, serverDir, part('inproc'));
    // The floor under every call: a session check and nothing else (auth.status), through dispatch and through HTTP.
    const floor = { sqlite: [] as number[], pg: [] as number[] };
    for (let i = 0; i < 60; i++)
      for (const [call, times] of [
        [rvSqlite.yj, floor.sqlite],
        [rvA.yj, floor.pg],
      ] as const) {
        const t = performance.now();
        await call('auth.status', {});
        times.push(performance.now() - t);
      }

    const load: Record<'c8' | 'c32', { sqlite: LoadRun; pg: LoadRun }> = {} as never;
    for (const [key, n] of [
      ['c8', 8],
      ['c32', 32],
    ] as const) {
      log(`${n} concurrent clients deciding (server: alternating instances; SQLite: one process)…`);
      const pgRun = await underLoad(n, part(key), async (k) => {
        const rv = await reviewersVia(httpLogin(k % 2 ? b : a));
        return (id, times) => decideFiling(rv, id, times);
      });
      const sqliteRun = await underLoad(n, part(key), async () => {
        const rv = await reviewersVia((u) => dispatchLogin(desk, u));
        return (id, times) => decideFiling(rv, id, times);
      });
      load[key] = { sqlite: sqliteRun, pg: pgRun };
    }

    log('certificates: one client, then 32 concurrent clients…');
    const cert1 = { sqlite: [] as number[], pg: [] as number[] };
    const clerkSqlite = await dispatchLogin(desk, 'clerk');
    const clerkA = await httpLogin(a)('clerk');
    // The first issue on each side loads fonts and templates: a warm-up, not counted.
    const [warm, ...single] = part('single');
    for (const [clerk, times] of [
      [clerkSqlite, cert1.sqlite],
      [clerkA, cert1.pg],
    ] as const) {
      if (warm !== undefined) await issueCertificate(clerk, warm, []);
      for (const id of single) await issueCertificate(clerk, id, times);
    }
    const approved = [...part('c8'), ...part('c32')];
    const cert32 = {
      pg: await underLoad(32, approved, async (k) => {
        const clerk = await httpLogin(k % 2 ? b : a)('clerk');
        return (id, times) => issueCertificate(clerk, id, times);
      }),
      sqlite: await underLoad(32, approved, async () => {
        const clerk = await dispatchLogin(desk, 'clerk');
        return (id, times) => issueCertificate(clerk, id, times);
      }),
    };

    log('list search against a sequential scan…');
    await settlePg(adminUrl);
    const list = {
      sqlite: await listSearch({ kind: 'sqlite', db: desk.services.store.db, handle: desk.services.store.sqlite }, LIST_ROUNDS),
      pg: await listSearch({ kind: 'postgres', db: createPgKysely(pool) }, LIST_ROUNDS),
    };
    const slowest = Object.entries(list.pg.perQuery)
      .map(([q, t]) => ({ query: (JSON.parse(q) as { query: string }).query, p50: summary(t.list).p50 }))
      .filter((q) => [...q.query].length >= 3)
      .sort((x, y) => y.p50 - x.p50)[0];
    const plan = slowest
      ? [`EXPLAIN ANALYZE of the count for "${slowest.query}":`, ...(await pgExplainCount(createPgKysely(pool), slowest.query))]
      : [];
    const listCall = { sqlite: [] as number[], pg: [] as number[] };
    for (let round = 0; round < 3; round++)
      for (const q of QUERIES)
        for (const [call, times] of [
          [clerkSqlite, listCall.sqlite],
          [clerkA, listCall.pg],
        ] as const) {
          const t = performance.now();
          await call('filing.list', { ...BASE, ...q });
          if (round > 0) times.push(performance.now() - t);
        }
    const loadAfter = loadNow();
    const report = render({
      size: { filings: FILINGS, audit: AUDIT, ready: slices.inproc[1], listRounds: LIST_ROUNDS },
      decide1,
      warm: { sqlite: warmSqlite, pg: warmPg },
      watched,
      inproc,
      floor,
      watch,
      load,
      cert1,
      cert32,
      list,
      listCall,
      plan,
      moved,
      prepared,
      loadBefore,
      loadAfter,
    });
    console.log(`\n${report}`);
    writeFileSync(join(__dirname, 'RESULTS-server.md'), report);
    log('wrote bench/RESULTS-server.md');
  } finally {
    desk.close();
    await pool.end();
    await Promise.all([a.stop(), b.stop()]);
    if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${dbName}`).catch(() => undefined);
    await admin.end();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
