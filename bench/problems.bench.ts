/**
 * Issue 11 benchmark: the common-blockage view (共性堵点) on 100,000 enterprise problems with 1,000,000 progress
 * reports (target < 200 ms), plus a drill-down page and one problem's map. Rows go in through SQL, past the same
 * triggers the handlers meet (reports from the lead unit, visits from the coordinator). Writes bench/RESULTS-problems.md.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk } from '../src/main/desk';
import { buildBlockageView } from '../src/main/problems/blockages';
import { hashPassword } from '../src/main/passwords';
import { machine, ms, summary, time } from './lib';
import { seedProblems } from './problems-seed';

const TODAY = '2026-11-26';
async function main() {
  const N = Number(process.env.BENCH_PROBLEMS ?? 100_000);
  const REPORTS_EACH = Number(process.env.BENCH_REPORTS_EACH ?? 11);
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-problems-'));
  const lines: string[] = [];
  const say = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  say(`machine: ${machine()}`);
  const clock = () => new Date(`${TODAY}T02:00:00Z`);
  const desk = createDesk(dir, { mode: 'test', clock, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const { db, sqlite } = desk.services.store;
  const [seedMs, reports] = await time(() => seedProblems(sqlite, N, REPORTS_EACH, TODAY));
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  say(
    `seeded ${count('SELECT count(*) n FROM problems').toLocaleString()} problems, ${reports.toLocaleString()} reports, ${count('SELECT count(*) n FROM problem_blockages').toLocaleString()} blockage causes, ${count('SELECT count(*) n FROM problem_visits').toLocaleString()} visits in ${(seedMs / 1000).toFixed(1)} s; database ${(statSync(join(dir, 'desk.sqlite')).size / 2 ** 20).toFixed(0)} MiB`,
  );

  const runs = async (label: string, n: number, fn: () => Promise<unknown>, target?: string) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push((await time(fn))[0]);
    const s = summary(samples);
    say(`${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n})${target ? `  (target ${target})` : ''}`);
  };

  const v = await buildBlockageView(db, TODAY);
  say(
    `view check: ${v.total.toLocaleString()} problems, ${v.causes.length} cause cells, ${v.solveDays.length} solve-time cells, overdue ${v.overdueByLead.reduce((s, r) => s + r.n, 0).toLocaleString()}, unsatisfied visits ${v.unsatisfiedVisits.toLocaleString()}`,
  );
  await runs('common-blockage view (buildBlockageView)', 20, () => buildBlockageView(db, TODAY), '< 200 ms');

  const hash = await hashPassword('bench-password-1', desk.services.scrypt);
  sqlite
    .prepare(
      "INSERT INTO users (username, display_name, role, unit, password_hash, created_at) VALUES ('bench-observer', '观察', 'observer', NULL, ?, ?)",
    )
    .run(hash, TODAY);
  const call = { connectionId: 'bench', lang: 'zh-CN' as const };
  const login = await desk.dispatch('auth.login', { username: 'bench-observer', password: 'bench-password-1' }, call);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const ok = async (channel: string, input: unknown) => {
    const r = await desk.dispatch(channel, input, call);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await runs('problem.blockages through dispatch', 20, () => ok('problem.blockages', {}), '< 200 ms');
  const list = {
    states: [],
    lead: null,
    category: 'utilities',
    grade: null,
    causeClass: 'unit',
    causeUnit: 'gh',
    overdueOnly: false,
    reassignedOnly: false,
    unsatisfiedOnly: false,
    mineOnly: false,
    offset: 0,
    limit: 50,
  };
  await runs('problem.list drill-down (utilities × unit gh), first page', 10, () => ok('problem.list', list));
  await runs('problem.list overdue by lead yq, first page', 10, () =>
    ok('problem.list', { ...list, category: null, causeClass: null, causeUnit: null, lead: 'yq', overdueOnly: true }),
  );
  await runs(`problem.trajectory, ${REPORTS_EACH} reports`, 10, () => ok('problem.trajectory', { problemId: N }));

  desk.close();
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(
    join(__dirname, 'RESULTS-problems.md'),
    `# Enterprise-problem benchmark (issue 11)\n\nRun with \`npx tsx bench/problems.bench.ts\` on ${new Date().toISOString().slice(0, 10)}. Target: the common-blockage view in under 200 ms on 100,000 problems and 1,000,000 reports.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
