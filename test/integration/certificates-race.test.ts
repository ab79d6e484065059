import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, newKey, reviewersByUnit, type TestDesk } from '../helpers/desk';
import { UNIT_CODES } from '../../src/shared/domain/units';
import { verifyCertificate } from '../../src/main/cli/verify-certificate';
import { onPostgres } from '../helpers/store';

const WORKER = join(__dirname, 'certificates-race.worker.ts');
const PER_PROCESS = 4;

interface WorkerResult {
  started: number;
  ended: number;
  issued: { number: string; seq: number }[];
}

/** Starts a worker; `ready` resolves once it is signed in, `result` when it has issued everything. */
function startWorker(dir: string, ids: number[], username: string, password: string) {
  const store = t.desk.services.store;
  const pgUrl = store.kind === 'postgres' ? [String(store.pool.options.connectionString)] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, ids.join(','), username, password, ...pgUrl], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const result = new Promise<WorkerResult>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as WorkerResult) : reject(new Error(`worker exited ${code}\n${err}`)),
    ),
  );
  return { ready, result, go: () => child.stdin.write('go\n') };
}

let t: TestDesk;
beforeAll(async () => {
  t = await createTestDesk();
});
afterAll(() => t.close());

describe('certificate numbers under two racing desk processes (two server instances on PostgreSQL)', () => {
  it('two processes issuing at once get consecutive distinct numbers with no gap', async () => {
    const rv = await reviewersByUnit(t);
    const clerk = await t.clerk();
    const ids: number[] = [];
    for (let i = 0; i < 2 * PER_PROCESS; i++) {
      const accepted = await t.acceptedFiling();
      let view = await clerk.session.ok('review.get', { filingId: accepted.id });
      for (const u of UNIT_CODES)
        view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve', { key: newKey('race') }));
      expect(view.state).toBe('approved');
      ids.push(accepted.id);
    }
    // Both are signed in before either issues; then both go at once.
    const workers = [0, 1].map((n) =>
      startWorker(
        t.dir,
        ids.filter((_, i) => i % 2 === n),
        clerk.username,
        clerk.password,
      ),
    );
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = await Promise.all(workers.map((w) => w.result));
    // The two really competed: each was issuing while the other was.
    expect(a!.started < b!.ended && b!.started < a!.ended, JSON.stringify([a, b])).toBe(true);
    const all = [...a!.issued, ...b!.issued];
    expect(all).toHaveLength(2 * PER_PROCESS);
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
    expect(all.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    // The default number form (domain §8): no 第, no leading zeros.
    for (const r of all) expect(r.number).toBe(`滨海化中试备〔2026〕${r.seq}号`);
    // The register seen from this (third) connection agrees, and every filing is registered.
    const rows = await t.query<{ seq: number }>('SELECT seq FROM certificates WHERE year = 2026 ORDER BY seq');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    for (const id of ids) expect((await clerk.session.ok('filing.get', { id })).state).toBe('registered');

    // The CLI verifies from the same data folder: by code, by code text in a file, by PDF. (It reads the standalone
    // desk's SQLite file; the server's verify command is not built yet.)
    if (onPostgres) return;
    const cert = (await clerk.session.ok('certificate.list', { query: '', status: null, offset: 0, limit: 1 })).rows[0]!;
    const byCode = await verifyCertificate(t.dir, [cert.verificationCode]);
    expect(byCode.code).toBe(0);
    expect(byCode.lines.join('\n')).toContain(cert.number);
    // The issued file, rendered after the numbering transaction and stored on its own (migration 010).
    const [qr] = await t.query<{ qr_text: string; pdf: Buffer }>(
      'SELECT c.qr_text, f.pdf FROM certificates c JOIN certificate_files f ON f.certificate_id = c.id WHERE c.id = ?',
      cert.id,
    );
    if (!qr) throw new Error('the listed certificate is not in the database');
    writeFileSync(join(t.dir, 'code.txt'), `${qr.qr_text}\n`);
    writeFileSync(join(t.dir, 'cert.pdf'), qr.pdf);
    expect((await verifyCertificate(t.dir, [join(t.dir, 'code.txt')])).code).toBe(0);
    expect((await verifyCertificate(t.dir, [join(t.dir, 'cert.pdf')])).code).toBe(0);
    const bad = await verifyCertificate(t.dir, [qr.qr_text.replace(/.$/, '8')]);
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatch(/^invalid/);
    expect((await verifyCertificate(t.dir, [])).code).toBe(2);
  }, 120_000);
});
