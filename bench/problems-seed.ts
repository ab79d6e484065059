/** Enterprise problems for the benchmark, through SQL past the same triggers the handlers meet. */
import type { SqliteHandle } from '../src/main/db/connection';
import { seeded } from '../src/main/demo/data';

const DAY = 86_400_000;
const LEADS = ['yq', 'gh', 'hb', 'yj', 'kjsw', 'sw', 'szrzy'];
const COS = ['gdgs', 'tl', 'sp', 'sw'];
const CATEGORIES = ['land', 'utilities', 'environment', 'safety', 'approvals', 'finance', 'other'];
const GRADES = ['park', 'district', 'city'];
const CLASSES = ['unit', 'mechanism', 'legacy', 'firm', 'outside'];

export function seedProblems(sqlite: SqliteHandle, n: number, reportsEach: number, today: string): number {
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
  const end = Date.parse(`${today}T02:00:00Z`);
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
        for (let k = 0; k < reportsEach; k++)
          report.run(id, lead, iso(dispatched + (k + 1) * 7 * DAY), '本周进展：已与企业对接，方案比选中。');
        reports += reportsEach;
        if (unsatisfied) visit.run(id, iso(dispatched + 20 * DAY), 0);
        if (state === 'closed') visit.run(id, iso(closed!), 1);
        if (rnd() < 0.25) {
          const cls = pick(CLASSES);
          cause.run(
            id,
            iso(dispatched + limit * DAY),
            pick(['overdue', 'extend', 'reassign']),
            cls,
            cls === 'unit' ? pick(LEADS) : null,
            lead,
            category,
            '原因说明',
          );
        }
      }
    })();
  }
  sqlite.exec('ANALYZE');
  return reports;
}
