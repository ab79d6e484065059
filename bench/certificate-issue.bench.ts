/**
 * Certificates end to end through dispatch on a real desk: issuing (number, record, signature, PDF, all in one
 * IMMEDIATE transaction) and verification by code, by 2-D code text and by PDF file (target < 20 ms).
 * Writes bench/RESULTS-certificate-issue.md. Run: npx tsx bench/certificate-issue.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk } from '../src/main/desk';
import type { Channel, Input, Output } from '../src/shared/contract';
import { DEMO_PASSWORD } from '../src/main/demo/plan';
import { machine, ms, summary } from './lib';

const VERIFIES = Number(process.env.BENCH_RUNS ?? 200);
const RESULTS = join(__dirname, 'RESULTS-certificate-issue.md');

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

async function main() {
  console.log(`machine: ${machine()}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-cert-issue-'));
  const desk = createDesk(dir, { mode: 'test', checkOutputs: true, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = { connectionId: 'bench', lang: 'en' as const };
  const ok = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await desk.dispatch(channel, input, call);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as Output<C>;
  };
  try {
    // The demo desk: its review and certificate stages leave approved filings waiting and registered ones issued.
    await ok('demo.load', {});
    await ok('auth.login', { username: 'clerk', password: DEMO_PASSWORD });
    const approved = await ok('filing.list', {
      query: '',
      states: ['approved'],
      parkId: null,
      unit: null,
      overdueOnly: false,
      sort: 'updatedAt',
      dir: 'desc',
      offset: 0,
      limit: 50,
    });
    const filings: { id: number }[] = approved.rows;
    const ISSUES = filings.length;
    const clerk = { ok };
    const issueTimes: number[] = [];
    for (const f of filings) {
      const state = await ok('certificate.forFiling', { filingId: f.id });
      const [dt] = await timed(() =>
        clerk.ok('certificate.issue', { filingId: f.id, version: state.filingVersion, idempotencyKey: `bench-issue-${f.id}` }),
      );
      issueTimes.push(dt);
    }
    const sqlite = desk.services.store.sqlite;
    // Certificates in force: issued, for a registration that is neither closed nor ended (those verify as invalid).
    const inForce = new Set(
      sqlite
        .prepare(
          "SELECT c.id FROM certificates c JOIN filings f ON f.id = c.filing_id WHERE c.status = 'issued' AND f.state = 'registered'",
        )
        .pluck()
        .all() as number[],
    );
    const certs = (await ok('certificate.list', { query: '', status: 'issued', offset: 0, limit: 100 })).rows.filter((c) =>
      inForce.has(c.id),
    );
    const stored = certs.map(
      (c) => sqlite.prepare('SELECT qr_text, pdf FROM certificates WHERE id = ?').get(c.id) as { qr_text: string; pdf: Buffer },
    );
    const byCode: number[] = [];
    const byText: number[] = [];
    const byPdf: number[] = [];
    for (let i = 0; i < VERIFIES; i++) {
      const k = i % certs.length;
      const [a, ra] = await timed(() => clerk.ok('certificate.verify', { code: certs[k]!.verificationCode }));
      const [b, rb] = await timed(() => clerk.ok('certificate.verify', { text: stored[k]!.qr_text }));
      if (ra.result !== 'valid' || rb.result !== 'valid') throw new Error('bench certificate did not verify');
      byCode.push(a);
      byText.push(b);
      if (i < 40) {
        const [c] = await timed(async () => ok('certificate.verify', { pdfBase64: stored[k]!.pdf.toString('base64') }));
        byPdf.push(c);
      }
    }
    const issue = summary(issueTimes);
    const rows: [string, ReturnType<typeof summary>][] = [
      ['by verification code', summary(byCode)],
      ['by 2-D code text', summary(byText)],
      ['by PDF file (70 KB, base64 over dispatch)', summary(byPdf)],
    ];
    const size = stored.reduce((s, x) => s + x.pdf.length, 0) / stored.length;
    const section = [
      '# Issuing and verifying certificates through dispatch',
      '',
      'Written by `bench/certificate-issue.bench.ts` (`npx tsx bench/certificate-issue.bench.ts`): a real desk in a temp folder loaded with',
      'the demo data, every call through dispatch with schema and output checks, as the signed-in clerk.',
      '',
      `- machine: ${machine()}`,
      `- date: ${new Date().toISOString()}; load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
      `- the demo desk (its certificate stage issued the registered filings, so fonts were warm); ${ISSUES} approved filings issued here; verification over ${certs.length} certificates, ${VERIFIES} runs each, 40 for PDF`,
      '',
      '| measure | p50 | p95 | max | target |',
      '|---|---|---|---|---|',
      `| issue (number + record + sign + render + store, one transaction) | ${ms(issue.p50)} | ${ms(issue.p95)} | ${ms(issue.max)} | – |`,
      ...rows.map(
        ([name, s]) => `| verify ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | < 20 ms: ${s.p95 < 20 ? 'met' : 'NOT met'} (p95) |`,
      ),
      `| stored PDF size (mean) | ${(size / 1024).toFixed(1)} KB | | | – |`,
    ].join('\n');
    for (const line of section.split('\n').slice(5)) console.log(line);
    writeFileSync(RESULTS, `${section}\n`);
  } finally {
    desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
