/**
 * Issue 11 benchmark: the common-blockage view (共性堵点) on 100,000 enterprise problems with 1,000,000 progress
 * reports (target < 200 ms), plus a drill-down page and one problem's map. Rows go in through SQL, past the same
 * triggers the handlers meet (reports from the lead unit, visits from the coordinator). Writes bench/RESULTS-problems.md.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded } from '../src/main/demo/data';
import { createDesk } from '../src/main/desk';
import { buildBlockageView } from '../src/main/problems/blockages';
import { hashPassword } from '../src/main/passwords';
import { machine, ms, summary, time } from './lib';

const DAY = 86_400_000;
const TODAY = '2026-11-26';
const LEADS = ['yq', 'gh', 'hb', 'yj', 'kjsw', 'sw', 'szrzy'];
const COS = ['gdgs', 'tl', 'sp', 'sw'];
const CATEGORIES = ['land', 'utilities', 'environment', 'safety', 'approvals', 'finance', 'other'];
const GRADES = ['park', 'district', 'city'];
const CLASSES = ['unit', 'mechanism', 'legacy', 'firm', 'outside'];

function seedProblems(sqlite: ReturnType<typeof createDesk>['services']['store']['sqlite'], n: number, reportsEach: number) {
  const rnd = seeded(11);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const iso = (t: number) => new Date(t).toISOString();
  const problem = sqlite.prepare(
    `INSERT INTO problems (id, problem_no, credit_code, firm_name, title, request, source, category, state, grade, suggested_grade, lead,
       cooperating, start_date, limit_days, due_date, last_report_date, reassign_count, unsatisfied_count, solved_days, created_dept,
       created_at, dispatched_at, closed_at, updated_at)
     VALUES (?, ?, '91320412MA1MXKJU6X', ?, ?, '诉求内容', 'commissioner', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kjsw', ?, ?, ?, ?)`,
  );
  const report = sqlite.prepare("INSERT INTO problem_reports (problem_id, kind, department, at, text) VALUES (?, 'progress', ?, ?, ?)");
  const visit = sqlite.prepare("INSERT INTO problem_visits (problem_id, department, at, satisfied, notes) VALUES (?, 'sp', ?, ?, '回访')");
  const cause = sqlite.prepare(
    'INSERT INTO problem_blockages (problem_id, at, trigger, class, unit, lead, category, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const end = Date.parse(`${TODAY}T02:00:00Z`);
  let reports = 0;
  const batch = 10_000;
  for (let start = 1; start <= n; start += batch) {
    sqlite.transaction(() => {
      for (let id = start; id < Math.min(start + batch, n + 1); id++) {
        const created = end - Math.floor(rnd() * 720) * DAY;
        const r = rnd();
        const state = r < 0.05 ? 'new' : r < 0.35 ? 'dispatched' : r < 0.4 ? 'solved' : 'closed';
        const category = pick(CATEGORIES);
        const grade = pick(GRADES);
        const lead = state === 'new' ? null : pick(LEADS);
        const dispatched = created + DAY;
        const limit = grade === 'park' ? 10 : grade === 'district' ? 20 : 40;
        const due = iso(dispatched + limit * 1.4 * DAY).slice(0, 10);
        const reassigned = state !== 'new' && rnd() < 0.08 ? 1 : 0;
        const unsatisfied = state === 'closed' && rnd() < 0.05 ? 1 : 0;
        const closed = state === 'closed' ? Math.min(end, dispatched + (5 + rnd() * limit * 2) * DAY) : null;
        const solvedDays = closed ? Math.round(((closed - dispatched) / DAY) * (5 / 7)) : null;
        problem.run(
          id,
          `SQ${String(id).padStart(9, '0')}`,
          `企业${id}`,
          `问题${id}`,
          category,
          state,
          lead ? grade : null,
          lead ? grade : null,
          lead,
          lead ? `,${pick(COS)},` : ',',
          lead ? iso(dispatched).slice(0, 10) : null,
          lead ? limit : null,
          lead ? due : null,
          null,
          reassigned,
          unsatisfied,
          solvedDays,
          iso(created),
          lead ? iso(dispatched) : null,
          closed ? iso(closed) : null,
          iso(created),
        );
        if (!lead) continue;
        for (let k = 0; k < reportsEach; k++) report.run(id, lead, iso(dispatched + (k + 1) * 7 * DAY), '本周进展：已与企业对接，方案比选中。');
        reports += reportsEach;
        if (unsatisfied) visit.run(id, iso(dispatched + 20 * DAY), 0);
        if (state === 'closed') visit.run(id, iso(closed!), 1);
        if (rnd() < 0.25) {
          const cls = pick(CLASSES);
          cause.run(id, iso(dispatched + limit * DAY), pick(['overdue', 'extend', 'reassign']), cls, cls === 'unit' ? pick(LEADS) : null, lead, category, '原因说明');
        }
      }
    })();
  }
  sqlite.exec('ANALYZE');
  return reports;
}

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
  const [seedMs, reports] = await time(() => seedProblems(sqlite, N, REPORTS_EACH));
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
    .prepare("INSERT INTO users (username, display_name, role, unit, password_hash, created_at) VALUES ('bench-observer', '观察', 'observer', NULL, ?, ?)")
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
  await runs('problem.list overdue by lead yq, first page', 10, () => ok('problem.list', { ...list, category: null, causeClass: null, causeUnit: null, lead: 'yq', overdueOnly: true }));
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
