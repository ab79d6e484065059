/**
 * Issue 2 benchmarks: the filings list's search-and-filter query on 100,000 filings against a plain LIKE scan,
 * the acceptance write with synchronous=FULL, service start on the large database, and the renderer's initial JS.
 */
import { mkdtempSync, rmSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import { seedLargeDesk } from './seed';
import { createDesk } from '../src/main/desk';
import { listFilings } from '../src/main/db/filings';
import { demoFields } from '../src/main/demo/data';
import { demoPdfBase64 } from '../src/main/demo/plan';
import { filingListInput, type FilingListInput } from '../src/shared/contract/filings';
import { machine, ms, summary, time } from './lib';

async function main() {
  const N = Number(process.env.BENCH_FILINGS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-filings-'));
  console.log(`machine: ${machine()}`);
  console.log(`seeding ${N.toLocaleString()} filings…`);
  const [seedMs] = await time(() => seedLargeDesk(dir, { filings: N, auditEntries: 0 }));
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s; database ${(statSync(join(dir, 'desk.sqlite')).size / 2 ** 20).toFixed(0)} MiB`);

  // Service start: open, migrate, quick_check.
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [t, desk] = await time(() => createDesk(dir, { mode: 'test' }));
    starts.push(t);
    desk.close();
  }
  const start = summary(starts);
  console.log(`service start (open + migrate + quick_check): p50 ${ms(start.p50)}, max ${ms(start.max)}  (target < 500 ms)`);

  const desk = createDesk(dir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const db = desk.services.store.db;
  const sqlite = desk.services.store.sqlite;
  const today = '2026-11-26';
  const base: FilingListInput = filingListInput.parse({
    query: '',
    states: [],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'updatedAt',
    dir: 'desc',
    offset: 0,
    limit: 50,
  });
  const queries: Partial<FilingListInput>[] = [
    { query: '瑞丰王' },
    { query: '精细化工' },
    { query: '六氟磷酸锂' },
    { query: '青岛博瑞' },
    { query: '碳酸亚乙烯酯', states: ['in_review', 'approved'] },
    { query: '新能源材料', parkId: 'gangcheng' },
    { query: '0000000123' },
    { query: 'ZS-2025-0012' },
    { query: '氟材料', sort: 'applicantName', dir: 'asc' },
    { query: '催化科技', overdueOnly: true },
    { query: '', states: ['in_review'], unit: 'yj' },
    { query: '聚酰亚胺', sort: 'dueDate', dir: 'asc' },
  ];

  // The comparison: the same page and count from a plain LIKE '%…%' scan over the same rows.
  const scan = (q: Partial<FilingListInput>) => {
    const like = `%${q.query ?? ''}%`;
    const where = ['(applicant_name LIKE ? OR project_name LIKE ? OR filing_no LIKE ? OR credit_code LIKE ?)'];
    const params: unknown[] = [like, like, like, like];
    if (q.states?.length) {
      where.push(`state IN (${q.states.map(() => '?').join(',')})`);
      params.push(...q.states);
    }
    if (q.parkId) {
      where.push('park_id = ?');
      params.push(q.parkId);
    }
    if (q.unit) {
      where.push('waiting_units LIKE ?');
      params.push(`%,${q.unit},%`);
    }
    if (q.overdueOnly) {
      where.push('(due_date < ? OR next_item_due < ?)');
      params.push(today, today);
    }
    const w = where.join(' AND ');
    const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM filings NOT INDEXED WHERE ${w}`).get(...params) as { n: number }).n;
    const rows = sqlite
      .prepare(`SELECT id, filing_no, applicant_name, project_name FROM filings NOT INDEXED WHERE ${w} ORDER BY updated_at DESC LIMIT 50`)
      .all(...params);
    return { total, rows };
  };

  const listTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let round = 0; round < 8; round++) {
    for (const q of queries) {
      const input = { ...base, ...q };
      const [t1, r1] = await time(() => listFilings(db, input, today));
      const [t2, r2] = await time(() => scan(q));
      if (round === 0 && q.sort === undefined && !q.overdueOnly && r1.total <= 10_000 && r1.total !== r2.total)
        console.log(`  note: counts differ for ${JSON.stringify(q)}: list ${r1.total}, scan ${r2.total}`);
      if (process.env.BENCH_VERBOSE && round === 1) console.log(`  ${JSON.stringify(q)}: list ${ms(t1)} (${r1.total}), scan ${ms(t2)}`);
      if (round > 0) {
        listTimes.push(t1);
        scanTimes.push(t2);
      }
    }
  }
  const list = summary(listTimes);
  const plain = summary(scanTimes);
  console.log(`list search+filter (${listTimes.length} queries): p50 ${ms(list.p50)}, p95 ${ms(list.p95)}  (target p95 < 25 ms)`);
  console.log(`plain LIKE scan          (${scanTimes.length} queries): p50 ${ms(plain.p50)}, p95 ${ms(plain.p95)}`);
  console.log(`speed-up at p95: ${(plain.p95 / list.p95).toFixed(1)}×, at p50: ${(plain.p50 / list.p50).toFixed(1)}×  (target ≥ 10×)`);

  // Acceptance write through the whole dispatch (validation, rules, write, audit) with synchronous=FULL.
  const lang = 'zh-CN' as const;
  const admin = { connectionId: 'bench-admin', lang };
  const clerk = { connectionId: 'bench-clerk', lang };
  const must = async (r: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) => {
    const v = await r;
    if (!v.ok) throw new Error(JSON.stringify(v.error));
    return v.value as any;
  };
  await must(desk.dispatch('auth.setup', { username: 'admin', displayName: '管理员', password: 'bench-password-1' }, admin));
  await must(
    desk.dispatch(
      'accounts.create',
      { username: 'clerk', displayName: '窗口', role: 'clerk', unit: 'sp', password: 'bench-password-1' },
      admin,
    ),
  );
  await must(desk.dispatch('auth.login', { username: 'clerk', password: 'bench-password-1' }, clerk));
  const pdf = demoPdfBase64('bench');
  const ready: { id: number; version: number }[] = [];
  for (let i = 0; i < 120; i++) {
    let v = await must(
      desk.dispatch('filing.create', { fields: demoFields(i, 'binhai', 'binhai-pilot', '2026-12-01', '2027-12-01') }, clerk),
    );
    for (const m of v.materials)
      if (m.applicable && m.code !== 'commitment')
        v = await must(
          desk.dispatch(
            'material.attach',
            { filingId: v.id, version: v.version, code: m.code, file: { name: 'a.pdf', contentBase64: pdf } },
            clerk,
          ),
        );
    v = await must(desk.dispatch('filing.submit', { id: v.id, version: v.version }, clerk));
    ready.push({ id: v.id, version: v.version });
  }
  const acceptTimes: number[] = [];
  for (const [i, f] of ready.entries()) {
    const [t] = await time(() =>
      must(
        desk.dispatch(
          'acceptance.decide',
          {
            filingId: f.id,
            version: f.version,
            decision: 'accept',
            reason: '',
            corrections: [],
            deadlines: [],
            idempotencyKey: `bench-accept-${i}`,
          },
          clerk,
        ),
      ),
    );
    if (i >= 20) acceptTimes.push(t);
  }
  const accept = summary(acceptTimes);
  console.log(
    `acceptance write (dispatch → rules → write → audit, synchronous=${sqlite.pragma('synchronous', { simple: true })}): p50 ${ms(accept.p50)}, p95 ${ms(accept.p95)}  (target p95 < 5 ms)`,
  );
  desk.close();
  rmSync(dir, { recursive: true, force: true });

  // Renderer initial JavaScript (gzip): the scripts index.html loads.
  if (!existsSync('out/renderer/index.html')) execSync('npx electron-vite build', { stdio: 'ignore' });
  const html = readFileSync('out/renderer/index.html', 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let gz = 0;
  for (const s of new Set(scripts)) gz += gzipSync(readFileSync(join('out/renderer', s))).length;
  console.log(`renderer initial JS: ${scripts.length} file(s), ${(gz / 1024).toFixed(0)} KB gzip  (target < 700 KB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
