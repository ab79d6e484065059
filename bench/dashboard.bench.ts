/**
 * Issue 6 benchmark: the oversight dashboard on 100,000 filings and 1,000,000 audit entries (target < 200 ms), with
 * the follow-up data a real desk of that size carries: review rounds and five decisions per reviewed filing, the
 * step events, clock pauses and tracked items, all inserted through SQL so the migration-004 triggers fill the
 * duration histogram exactly as the handlers would. Also the notification centre, the escalation sweep and exports.
 * Writes bench/RESULTS-dashboard.md.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLargeDesk } from './seed';
import { seeded } from '../src/main/demo/data';
import { openStore } from '../src/main/db/store';
import { createDesk } from '../src/main/desk';
import { buildDashboard } from '../src/main/followup/dashboard';
import { writeExport } from '../src/main/followup/export';
import { sqliteExportSource } from '../src/main/db/export-source';
import { loadSettings } from '../src/main/db/settings';
import { hashPassword } from '../src/main/passwords';
import { UNIT_CODES } from '../src/shared/domain/units';
import { machine, ms, summary, time } from './lib';

const DAY = 86_400_000;
const TODAY = '2026-11-26';
const REVIEWED = new Set([
  'in_review',
  'supplement_requested',
  'rejected',
  'approved',
  'registered',
  'suspended',
  'revoked',
  'terminated',
  'closed',
]);
const DECIDED = new Set(['rejected', 'approved', 'registered', 'suspended', 'revoked', 'terminated', 'closed']);
const REGISTERED = new Set(['registered', 'suspended', 'revoked', 'closed']);

/** Rounds, decisions, events, pauses and items for every seeded filing past acceptance. */
function seedFollowup(dir: string): { events: number; decisions: number; items: number } {
  const store = openStore(dir);
  const db = store.sqlite;
  const rnd = seeded(7);
  const reviewers = UNIT_CODES.map((u, i) => {
    const id = 1000 + i;
    db.prepare(
      "INSERT INTO users (id, username, display_name, role, unit, password_hash, created_at) VALUES (?, ?, ?, 'reviewer', ?, 'x', ?)",
    ).run(id, `bench-${u}`, `评审-${u}`, u, '2024-01-01T00:00:00Z');
    return id;
  });
  const filings = db.prepare('SELECT id, state, submitted_at FROM filings').all() as { id: number; state: string; submitted_at: string }[];
  const event = db.prepare("INSERT INTO filing_events (filing_id, at, kind, detail) VALUES (?, ?, ?, '{}')");
  const round = db.prepare('INSERT INTO review_rounds (filing_id, number, units, opened_at, closed_at, outcome) VALUES (?, 1, ?, ?, ?, ?)');
  const decision = db.prepare(
    `INSERT INTO decisions (filing_id, round, section, decision, opinion, not_involved_reason, checklist, conditions, decided_by, decided_by_name, decided_at, confirmed_via, filing_version, facts_hash, facts)
     VALUES (?, 1, ?, 'approve', '', '', '[]', '[]', ?, ?, ?, 'desk', 1, 'h', '{}')`,
  );
  const pause = db.prepare(
    "INSERT INTO clock_pauses (filing_id, step, started_at, ended_at, reason) VALUES (?, 'review', ?, ?, 'waitingForApplicant')",
  );
  const item = db.prepare(
    "INSERT INTO tracked_items (filing_id, kind, material_code, text, verifying_unit, due_date, blocks, state, created_at) VALUES (?, 'material', ?, ?, ?, ?, 'hold', ?, ?)",
  );
  // Unit speeds differ, so the dashboard has a bottleneck to find (yj slowest).
  const speed: Record<string, number> = { yj: 14, hb: 8, gh: 5, sp: 4, yq: 9 };
  const iso = (t: number) => new Date(t).toISOString();
  let events = 0;
  let decisions = 0;
  let items = 0;
  const batch = 20_000;
  for (let start = 0; start < filings.length; start += batch) {
    db.transaction(() => {
      for (const f of filings.slice(start, start + batch)) {
        const t0 = Date.parse(f.submitted_at);
        event.run(f.id, iso(t0), 'submitted');
        events++;
        if (!REVIEWED.has(f.state)) continue;
        const accepted = t0 + (1 + Math.floor(rnd() * 4)) * DAY;
        event.run(f.id, iso(accepted), rnd() < 0.3 ? 'acceptance.conditional' : 'acceptance.accept');
        event.run(f.id, iso(accepted), 'review.roundOpened');
        events += 2;
        const decided = DECIDED.has(f.state);
        const units = UNIT_CODES.filter(() => decided || rnd() < 0.6);
        const waiting = UNIT_CODES.filter((u) => !units.includes(u));
        const times = units.map((u) => accepted + (1 + rnd() * speed[u]!) * DAY * 1.4);
        const last = Math.max(accepted, ...times);
        // The round first: the decisions' foreign key and the duration trigger both read it.
        round.run(
          f.id,
          `,${(decided ? UNIT_CODES : waiting).join(',')},`,
          iso(accepted),
          decided ? iso(last) : null,
          decided ? 'approved' : 'pending',
        );
        for (const [i, u] of units.entries()) {
          decision.run(f.id, u, reviewers[UNIT_CODES.indexOf(u)], `评审-${u}`, iso(times[i]!));
          decisions++;
          if (i === 0 && rnd() < 0.1) pause.run(f.id, iso(times[i]!), iso(times[i]! + 5 * DAY));
        }
        if (f.state === 'in_review')
          db.prepare('UPDATE filings SET waiting_units = ? WHERE id = ?').run(waiting.length ? `,${waiting.join(',')},` : '', f.id);
        if (decided) {
          event.run(f.id, iso(last), f.state === 'rejected' ? 'review.rejected' : 'review.approved');
          events++;
        }
        if (REGISTERED.has(f.state)) {
          event.run(f.id, iso(last + (1 + rnd() * 8) * DAY), 'certificate.issued');
          events++;
        }
        if (rnd() < 0.3) {
          for (const code of ['emergency-plan', 'staff']) {
            const due = iso(accepted + (10 + rnd() * 30) * DAY).slice(0, 10);
            const state = due < TODAY ? (rnd() < 0.8 ? 'closed' : rnd() < 0.5 ? 'supplied' : 'open') : 'open';
            item.run(f.id, code, `补交${code}`, code === 'staff' ? 'yj' : 'yq', due, state, iso(accepted));
            items++;
          }
        }
      }
    })();
  }
  db.exec('ANALYZE');
  store.close();
  return { events, decisions, items };
}

async function main() {
  const N = Number(process.env.BENCH_FILINGS ?? 100_000);
  const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
  // BENCH_DIR keeps the seeded desk for another run (it is seeded only when the folder has no database yet).
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'desk-bench-dashboard-'));
  const seeded = existsSync(join(dir, 'desk.sqlite'));
  const lines: string[] = [];
  const say = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  say(`machine: ${machine()}`);
  if (!seeded) {
    const [seedMs] = await time(() => seedLargeDesk(dir, { filings: N, auditEntries: AUDIT }));
    const [followMs, counts] = await time(() => seedFollowup(dir));
    say(
      `seeded ${N.toLocaleString()} filings and ${AUDIT.toLocaleString()} audit entries in ${(seedMs / 1000).toFixed(1)} s; follow-up data (${counts.events.toLocaleString()} events, ${counts.decisions.toLocaleString()} decisions, ${counts.items.toLocaleString()} tracked items, histogram kept by the triggers) in ${(followMs / 1000).toFixed(1)} s; database ${(statSync(join(dir, 'desk.sqlite')).size / 2 ** 20).toFixed(0)} MiB`,
    );
  }

  const clock = () => new Date(`${TODAY}T02:00:00Z`);
  const desk = createDesk(dir, { mode: 'test', clock, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const { db, sqlite } = desk.services.store;
  const histogramRows = (sqlite.prepare('SELECT COUNT(*) AS n FROM step_durations').get() as { n: number }).n;
  say(`histogram rows: ${histogramRows.toLocaleString()}`);

  const runs = async (label: string, n: number, fn: () => Promise<unknown>, target?: string) => {
    await fn(); // warm the page cache and statement cache once
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push((await time(fn))[0]);
    const s = summary(samples);
    say(`${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n})${target ? `  (target ${target})` : ''}`);
    return s;
  };

  const d = await buildDashboard(db, TODAY, 12);
  say(
    `dashboard check: ${d.total.toLocaleString()} filings; bottleneck ${d.bottleneck?.unit} (${d.bottleneck?.basis}, ${d.bottleneck?.waitingNow} waiting); yj median ${d.units[0]!.median} / p90 ${d.units[0]!.p90} working days`,
  );
  await runs('dashboard, 12 months (buildDashboard)', 20, () => buildDashboard(db, TODAY, 12), '< 200 ms');
  await runs('dashboard, 24 months (buildDashboard)', 10, () => buildDashboard(db, TODAY, 24), '< 200 ms');

  // Through dispatch, as a signed-in observer: schema validation, session, output check all included.
  const hash = await hashPassword('bench-password-1', desk.services.scrypt);
  sqlite
    .prepare(
      "INSERT INTO users (username, display_name, role, unit, password_hash, created_at) VALUES ('bench-observer', '观察', 'observer', NULL, ?, ?)",
    )
    .run(hash, TODAY);
  const call = { connectionId: 'bench', lang: 'zh-CN' as const };
  const login = await desk.dispatch('auth.login', { username: 'bench-observer', password: 'bench-password-1' }, call);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  await runs(
    'dashboard.get through dispatch',
    20,
    async () => {
      const r = await desk.dispatch('dashboard.get', { months: 12 }, call);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    },
    '< 200 ms',
  );
  await runs('followup.notifications (observer: every unit)', 10, async () => {
    const r = await desk.dispatch('followup.notifications', {}, call);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  });
  await runs('followup.list, due or overdue, first page', 10, async () => {
    const r = await desk.dispatch('followup.list', { filingId: null, unit: null, states: [], alertOnly: true, offset: 0, limit: 50 }, call);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  });

  const settings = await loadSettings(db);
  const out = join(dir, 'exports');
  for (const [kind, format] of [
    ['filings', 'csv'],
    ['filings', 'xlsx'],
    ['items', 'xlsx'],
    ['audit', 'csv'],
  ] as const) {
    const [t, file] = await time(() =>
      writeExport((k) => sqliteExportSource(sqlite, k), out, `${kind}-${format}`, kind, format, settings, TODAY),
    );
    say(
      `export ${kind} ${format}: ${file.rows.toLocaleString()} rows, ${(file.size / 2 ** 20).toFixed(1)} MiB in ${(t / 1000).toFixed(1)} s`,
    );
  }

  if (process.env.BENCH_DIR) {
    desk.close();
    return;
  }
  // The escalation sweep over the whole desk (it writes: last, on the seeded data as it stands).
  const [sweepMs, result] = await time(() => import('../src/main/followup/escalation').then((m) => m.runEscalationSweep(desk.services)));
  say(`escalation sweep: ${result.actions.length.toLocaleString()} actions in ${(sweepMs / 1000).toFixed(1)} s`);

  desk.close();
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(
    join(__dirname, 'RESULTS-dashboard.md'),
    `# Dashboard benchmark (issue 6)\n\nRun with \`npx tsx bench/dashboard.bench.ts\` on ${new Date().toISOString().slice(0, 10)}. Target: the dashboard computes in under 200 ms on 100,000 filings and 1,000,000 audit entries.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
