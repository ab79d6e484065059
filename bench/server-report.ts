/** The server benchmark's report: one table of both stores side by side, then where the list search's time goes. */
import { machine, ms, summary } from './lib';
import type { LoadRun, Watch } from './server-measure';
import { QUERIES, type ListResult } from './server-list';

export interface Figures {
  size: { filings: number; audit: number; ready: number; listRounds: number };
  decide1: { sqlite: number[]; pg: number[] };
  /** The decisions before the one-client timings (not counted), reported as they are: a server's first minutes. */
  warm: { sqlite: number[]; pg: number[] };
  /** The same client's decisions on A while a desk on B watches (the live loop). */
  watched: number[];
  floor: { sqlite: number[]; pg: number[] };
  inproc: { times: number[]; perDecision: number };
  watch: Watch;
  load: Record<'c8' | 'c32', { sqlite: LoadRun; pg: LoadRun }>;
  cert1: { sqlite: number[]; pg: number[] };
  cert32: { sqlite: LoadRun; pg: LoadRun };
  list: { sqlite: ListResult; pg: ListResult };
  listCall: { sqlite: number[]; pg: number[] };
  plan: string[];
  moved: { ms: number; durable: boolean };
  prepared: { seedMs: number; prepareMs: number };
  loadBefore: string;
  loadAfter: string;
}

const p = (xs: number[]) => (xs.length ? summary(xs) : { p50: NaN, p95: NaN, max: NaN, n: 0 });
const pair = (xs: number[]) => `${ms(p(xs).p50)} / ${ms(p(xs).p95)} (n ${xs.length})`;
const rate = (r: LoadRun) => `${r.perSecond.toFixed(1)}/s, p95 ${ms(p(r.times).p95)} (n ${r.times.length})`;
const met = (v: number, target: number) => (v < target ? 'met' : 'NOT met');
const ratio = (l: ListResult) => p(l.scan3).p95 / p(l.list3).p95;
const exact = (l: ListResult) =>
  l.mismatches.length ? `NO: ${l.mismatches.join('; ')}` : `yes, all ${Object.keys(l.totals).length} equal to the scan's`;

export function render(f: Figures): string {
  const live = p(f.watch.latencies);
  const rows = [
    [
      'review.decide, one client, p50 / p95',
      pair(f.decide1.sqlite),
      pair(f.decide1.pg),
      `p95 < 15 ms (server ${met(p(f.decide1.pg).p95, 15)})`,
    ],
    ['… the same, while a desk on B watches (the live loop below), p50 / p95', '–', pair(f.watched), '–'],
    [
      '… the warm-up before them (not counted above: the first decisions after start), p50 / p95',
      pair(f.warm.sqlite),
      pair(f.warm.pg),
      '–',
    ],
    [
      'review.decide on PostgreSQL through dispatch in process (no HTTP), p50 / p95',
      '–',
      `${pair(f.inproc.times)}; ${f.inproc.perDecision.toFixed(1)} statements per decision`,
      '–',
    ],
    ['floor: auth.status (session check only), p50 / p95', pair(f.floor.sqlite), pair(f.floor.pg), '–'],
    ['review.decide, 8 clients: decisions/s, p95', rate(f.load.c8.sqlite), rate(f.load.c8.pg), '–'],
    ['review.decide, 32 clients: decisions/s, p95', rate(f.load.c32.sqlite), rate(f.load.c32.pg), '–'],
    [
      'live: send on A → SSE on B, p50 / p95',
      '–',
      `${ms(live.p50)} / ${ms(live.p95)} (n ${live.n})`,
      `p95 < 250 ms (${met(live.p95, 250)})`,
    ],
    [
      'list search, all queries, p50 / p95',
      pair(f.list.sqlite.list),
      pair(f.list.pg.list),
      `p95 < 25 ms (SQLite ${met(p(f.list.sqlite.list).p95, 25)}, server ${met(p(f.list.pg.list).p95, 25)})`,
    ],
    ['filing.list through dispatch / HTTP, same queries, p50 / p95', pair(f.listCall.sqlite), pair(f.listCall.pg), '–'],
    ['sequential scan, same queries, p50 / p95', pair(f.list.sqlite.scan), pair(f.list.pg.scan), '–'],
    [
      'scan ÷ list at p95, queries of ≥ 3 characters',
      `${ratio(f.list.sqlite).toFixed(1)}×`,
      `${ratio(f.list.pg).toFixed(1)}×`,
      `≥ 10× (SQLite ${ratio(f.list.sqlite) >= 10 ? 'met' : 'NOT met'}, server ${ratio(f.list.pg) >= 10 ? 'met' : 'NOT met'})`,
    ],
    ['exact totals (list = scan count)', exact(f.list.sqlite), exact(f.list.pg), 'exact'],
    ['certificate.issue, one client, p50 / p95', pair(f.cert1.sqlite), pair(f.cert1.pg), '–'],
    ['certificate.issue, 32 clients: issues/s, p95', rate(f.cert32.sqlite), rate(f.cert32.pg), 'reported'],
  ];
  const med = (xs: number[] | undefined) => ms(p(xs ?? []).p50);
  const perQuery = Object.keys(f.list.pg.totals)
    .map((q) => {
      const [l, g] = [f.list.sqlite.perQuery[q], f.list.pg.perQuery[q]];
      return `| \`${q}\` | ${f.list.pg.totals[q]!.toLocaleString()} | ${med(l?.list)} / ${med(l?.scan)} | ${med(g?.list)} / ${med(g?.scan)} |`;
    })
    .join('\n');
  return `# District server benchmark (PostgreSQL) beside the SQLite desk

Written by \`bench/server.bench.ts\` (\`node scripts/pg-cluster.mjs run -- npx tsx bench/server.bench.ts\`); figures
from the last run. Benchmarks report; they do not pass or fail.

- machine: ${machine()}
- date: ${new Date().toISOString()}; load average (1 / 5 / 15 min) before the timings ${f.loadBefore}, after ${f.loadAfter}
  (the machine is shared with other work; timings under load are higher than on an idle machine)
- data: ${f.size.filings.toLocaleString()} filings and ${f.size.audit.toLocaleString()} chained audit entries (\`bench/seed.ts\`, ${(f.prepared.seedMs / 1000).toFixed(1)} s),
  plus ${f.size.ready} filings taken into review by the real handlers (${(f.prepared.prepareMs / 1000).toFixed(1)} s); that folder
  copied for the SQLite side and moved into PostgreSQL with \`move-to-server\` (${(f.moved.ms / 1000).toFixed(1)} s), so both
  stores hold the same rows and chain; before the decisions and again before the list search PostgreSQL is let
  settle (a CHECKPOINT, and any autovacuum workers waited for), so the timed parts do not share the machine with
  the move's background writes
- SQLite side: one desk process, calls through \`dispatch\` in process (WAL, synchronous=FULL); "N clients" are N
  concurrent callers in that one process
- server side: two \`npm run server\` instances on one PostgreSQL 15 database (throwaway cluster, ${f.moved.durable ? 'fsync, synchronous_commit and full_page_writes switched back on and read back from pg_settings' : 'fsync and synchronous_commit OFF (BENCH_PG_FAST=1)'}),
  calls through HTTP (loopback, --insecure-loopback) with a cookie session; client k works on instance A or B by parity
- a client decides its own filings (five sections each, one session per unit), so decisions do not race on a
  filing's version; "one client" is that client alone on the server; live latency is measured in a loop of its own
  (the same client on other filings, with a desk on B watching): from sending the decision to A until its
  \`filing.changed\` reaches the SSE client on B (an upper bound of commit → arrival, since the commit lies inside
  the request)
- one client: ${f.warm.pg.length / 5} filings decided on each side first (a server runs all day: its connections have
  prepared their statements), reported on a row of their own and not counted in the one-client figures
- certificate issue: one warm-up issue per side first (fonts, templates), not counted
- list search is timed on the store (the list query itself; the whole \`filing.list\` call is a row of its own), ${QUERIES.length} queries × ${f.size.listRounds} rounds after a
  warm-up; the scan is the query the list would run without its search indexes: on SQLite LIKE over the four
  searchable columns of \`filings NOT INDEXED\`, on PostgreSQL ILIKE over the same four columns of \`filings\` with
  index and bitmap scans switched off; both count exactly and return the same first page as the list

| measure | SQLite desk (dispatch) | PostgreSQL server (HTTP, 2 instances) | target |
|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

Per query (median over the rounds), list / scan:

| query | exact total | SQLite list / scan | PostgreSQL list / scan |
|---|---|---|---|
${perQuery}

PostgreSQL's slowest text query of three or more characters (the list's count, on its search table):

\`\`\`
${f.plan.join('\n')}
\`\`\`
`;
}
