/**
 * A narrow look at one review.decide on PostgreSQL: the statements it sends and its time through dispatch in this
 * process, on a seeded database (the server benchmark's data, small by default). Two steps, so two builds of the
 * desk can be compared on the same data, taking turns under the same load:
 *   node scripts/pg-cluster.mjs run -- sh -c 'npx tsx bench/decide-inproc.ts prepare /tmp/state.json 48 &&
 *     npx tsx bench/decide-inproc.ts run /tmp/state.json 0 4 && …'
 * `prepare STATE N` seeds BENCH_FILINGS (2,000) filings and BENCH_AUDIT (20,000) entries, takes N filings into review
 * and moves the desk into a fresh database; `run STATE FROM COUNT` decides filings FROM…FROM+COUNT (five sections
 * each) and prints one JSON line: times and statements per decision. Not part of `npm test`; never passes or fails.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { moveToPg, prepareDesk } from './server-setup';
import { decideInProcess } from './server-inproc';

interface State {
  url: string;
  serverDir: string;
  inReview: number[];
}

async function prepare(stateFile: string, ready: number): Promise<void> {
  const adminUrl = process.env.DESK_PG_URL;
  if (!adminUrl) throw new Error('needs DESK_PG_URL (node scripts/pg-cluster.mjs run -- …)');
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-decide-'));
  const [deskDir, serverDir] = [join(root, 'desk'), join(root, 'server')];
  const size = { filings: Number(process.env.BENCH_FILINGS ?? 2000), audit: Number(process.env.BENCH_AUDIT ?? 20_000), ready };
  const prepared = await prepareDesk(deskDir, size);
  const dbName = `desk_bench_decide_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`).finally(() => admin.end());
  const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  await moveToPg(deskDir, url, serverDir, adminUrl);
  const state: State = { url, serverDir, inReview: prepared.inReview };
  writeFileSync(stateFile, JSON.stringify(state));
  console.log(`prepared ${size.filings} filings, ${size.audit} entries, ${ready} in review`);
}

async function run(stateFile: string, from: number, count: number): Promise<void> {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  const { times, perDecision } = await decideInProcess(state.url, state.serverDir, state.inReview.slice(from, from + count));
  console.log(JSON.stringify({ times, perDecision }));
}

async function main(): Promise<void> {
  const [verb, stateFile, a, b] = process.argv.slice(2);
  if (verb === 'prepare' && stateFile) await prepare(stateFile, Number(a ?? 48));
  else if (verb === 'run' && stateFile) await run(stateFile, Number(a ?? 0), Number(b ?? 4));
  else console.error('usage: decide-inproc.ts prepare STATE N | run STATE FROM COUNT');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
