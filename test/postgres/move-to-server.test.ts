/**
 * Moving a standalone desk onto the district server (issue 16, item 5), end to end: the demo desk (SQLite, loaded as
 * the standalone desk loads it) moved by `desk move-to-server` into a fresh PostgreSQL database, then checked table
 * by table, by its chain head, by `verify-audit --database`, and by a real server started on it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPath, STAGING_DIR } from '../../src/main/attachments';
import { deskOn, startEscalation } from '../../src/main/desk';
import { openStore } from '../../src/main/db/store';
import { NOT_MOVED, sqliteRecordTables } from '../../src/main/db/postgres/move';
import { migratePg } from '../../src/main/db/postgres/migrations';
import { createDatabase, databaseUrl } from '../helpers/store';
import { buildServerOnce, root, ServerClient, startServer, type ServerProcess } from '../helpers/server';
import { listInput } from '../helpers/desk';

const DEMO_PASSWORD = 'demo-2026-desk';
const LIST = { query: '', status: null, offset: 0, limit: 500 };
type Verdict = { result: string; reason: string; file: string | null };
const before = new Map<number, Verdict & { sha256: string }>();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let dir: string;
let deskDir: string;
let serverDir: string;
let url: string;
let moved: ReturnType<typeof desk>;
let server: ServerProcess;

/** `npm run desk -- …` as the built program runs it, in English. */
function desk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'out', 'main', 'desk.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function pgCounts(dbUrl: string): Promise<Record<string, number>> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = Number((await pool.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
    return counts;
  } finally {
    await pool.end();
  }
}

function sqliteCounts(): Record<string, number> {
  const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const t of [...sqliteRecordTables(db), ...NOT_MOVED])
      counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    return counts;
  } finally {
    db.close();
  }
}

/** A file's exact bytes as the signed-in client gets them (ServerClient reads replies as text). */
async function download(client: ServerClient, path: string): Promise<Buffer> {
  const res = await fetch(new URL(path, client.base), { headers: { cookie: client.cookie ?? '' } });
  expect([path, res.status]).toEqual([path, 200]);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-move-'));
  deskDir = join(dir, 'desk');
  serverDir = join(dir, 'server');
  const standalone = deskOn(openStore(deskDir), { scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = { connectionId: 'move-test', lang: 'en' as const };
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await standalone.dispatch(channel, input, call);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  await ok('demo.load', {});
  // As the desk does at each start (the server too): follow-up escalation catches up, e.g. suspends a certificate.
  (await startEscalation(standalone))();
  // What the desk itself answers for each certificate, to be answered the same by the server after the move.
  await ok('auth.login', { username: 'sp', password: DEMO_PASSWORD });
  for (const { id } of (await ok<{ rows: { id: number }[] }>('certificate.list', LIST)).rows) {
    const file = await standalone.files('certificate', String(id), call);
    if (!file.ok) throw new Error(`certificate ${id}: ${file.error.message}`);
    const v = await ok<Verdict>('certificate.verify', { pdfBase64: Buffer.from(file.value.bytes).toString('base64') });
    before.set(id, { sha256: sha256(file.value.bytes), result: v.result, reason: v.reason, file: v.file });
  }
  standalone.close();
  url = databaseUrl(await createDatabase('desk_move'));
  moved = desk('move-to-server', '--data-dir', deskDir, '--database', url, '--server-data-dir', serverDir);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('move-to-server', () => {
  it('copies every table of the desk, row for row, driven by the schema', async () => {
    expect(moved.out).toMatch(/^Moved to postgres:\/\/.*rows in \d+ tables, [1-9]\d* attachment files/);
    expect(moved.code).toBe(0);
    const source = sqliteCounts();
    const target = await pgCounts(url);
    // Every record table of SQLite has its counterpart: a table added later cannot be forgotten silently.
    expect(Object.keys(source).filter((t) => !(t in target))).toEqual([]);
    const expected: Record<string, number> = {
      ...source,
      sessions: 0,
      meta: source.meta! + 1 /* the signed chain head the server keeps */,
    };
    for (const t of Object.keys(source)) expect([t, target[t]]).toEqual([t, expected[t]]);
    for (const t of ['filings', 'audit_log', 'certificates', 'certificate_files', 'attachments', 'meetings', 'problems', 'issued_notices'])
      expect([t, source[t]! > 0]).toEqual([t, true]);
  });

  it('keeps the audit chain as it was, and verify-audit on the database reports the same head', () => {
    const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    db.close();
    expect(moved.out).toContain(`head ${head.seq} ${head.hash}`);
    const check = desk('verify-audit', '--database', url, '--data-dir', serverDir);
    expect(check.out.trim()).toBe(`ok, ${head.seq} entries, head ${head.hash}`);
    expect(check.code).toBe(0);
    expect(desk('verify-audit', '--data-dir', deskDir).out.trim()).toBe(check.out.trim());
  });

  it('continues every id sequence after the copied rows, with every guard trigger on again', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const off = await pool.query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'");
      expect(off.rows).toEqual([]);
      await expect(pool.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
      for (const t of ['filings', 'certificates', 'attachments', 'problems', 'meetings']) {
        const { rows } = await pool.query(
          `SELECT nextval(pg_get_serial_sequence('${t}', 'id')) AS next, (SELECT max(id) FROM ${t}) AS top`,
        );
        expect([t, Number(rows[0].next)]).toEqual([t, Number(rows[0].top) + 1]);
      }
    } finally {
      await pool.end();
    }
  });

  it('places the attachments under their content address and leaves nothing staged', () => {
    const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
    const shas = db.prepare('SELECT sha256 FROM attachments UNION SELECT sha256 FROM problem_attachments').all() as { sha256: string }[];
    db.close();
    for (const { sha256: sha } of shas) expect([sha, existsSync(attachmentPath(serverDir, sha))]).toEqual([sha, true]);
    expect(readdirSync(join(serverDir, 'attachments', STAGING_DIR))).toEqual([]);
  });

  it('serves the moved desk: a demo user signs in, every certificate verifies, an attachment has its bytes', async () => {
    const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
    const att = db.prepare('SELECT id, sha256 FROM attachments ORDER BY id LIMIT 1').get() as { id: number; sha256: string };
    db.close();
    // The server's start-up sweep, as the desk's: a crash between commit and move left a referenced file staged, and a
    // file no row refers to lies in the folder. The first is placed, the second removed.
    const staged = join(serverDir, 'attachments', STAGING_DIR, `${att.sha256}.crashed`);
    renameSync(attachmentPath(serverDir, att.sha256), staged);
    const orphan = attachmentPath(serverDir, 'f'.repeat(64));
    mkdirSync(dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'no row refers to this');
    server = await startServer(['--database', url, '--listen', '127.0.0.1:0', '--insecure-loopback', '--data-dir', serverDir]);
    await expect.poll(() => server.stderr(), { timeout: 20_000 }).toContain('[start] attachments: 1 placed, 1 orphans removed');
    expect([existsSync(staged), existsSync(orphan), existsSync(attachmentPath(serverDir, att.sha256))]).toEqual([false, false, true]);
    const client = new ServerClient(server.url);
    await client.login('sp', DEMO_PASSWORD);
    const certs = await client.ok<{ rows: { id: number }[] }>('certificate.list', LIST);
    expect(certs.rows.map((c) => c.id).sort()).toEqual([...before.keys()].sort());
    // Issued ones are valid; the demo's revoked or replaced ones answer as they did on the desk, never "signature".
    expect([...before.values()].filter((v) => v.result === 'valid').length).toBeGreaterThan(0);
    let validPdf: Buffer | undefined;
    for (const c of certs.rows) {
      const bytes = await download(client, `/files/certificate/${c.id}`);
      const v = await client.ok<Verdict>('certificate.verify', { pdfBase64: bytes.toString('base64') });
      const got = { sha256: sha256(bytes), result: v.result, reason: v.reason, file: v.file };
      expect([c.id, got]).toEqual([c.id, before.get(c.id)]);
      expect(got.file).toBe('issued');
      if (got.result === 'valid') validPdf = bytes;
    }
    // An administrator checks a certificate against the server's register from the command line.
    const pdfPath = join(dir, 'certificate.pdf');
    writeFileSync(pdfPath, validPdf!);
    const cli = desk('verify-certificate', pdfPath, '--database', url, '--data-dir', serverDir);
    expect(cli.out).toMatch(/^valid: .*\nfile: issued/);
    expect(cli.code).toBe(0);
    const file = await download(client, `/files/attachment/${att.id}`);
    expect(sha256(file)).toBe(att.sha256);
  }, 120_000);

  it('finds the moved filings by text as the desk did: one, two and more characters, exact totals', async () => {
    const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
    const names = db.prepare('SELECT DISTINCT applicant_name AS n FROM filings ORDER BY id LIMIT 6').pluck().all() as string[];
    const queries = [...new Set(names.flatMap((n) => [n, [...n].slice(0, 2).join(''), [...n][1]!]))];
    const expected = (q: string) =>
      (
        db
          .prepare(
            'SELECT count(*) AS n FROM filings WHERE instr(filing_no, ?) OR instr(applicant_name, ?) OR instr(credit_code, ?) OR instr(project_name, ?)',
          )
          .get(q, q, q, q) as { n: number }
      ).n;
    const want = queries.map((q) => [q, expected(q)]);
    db.close();
    const clerk = new ServerClient(server.url);
    await clerk.login('clerk', DEMO_PASSWORD);
    const got: [string, number][] = [];
    for (const q of queries) {
      const r = await clerk.ok<{ total: number }>('filing.list', listInput({ query: q }));
      got.push([q, r.total]);
    }
    expect(got).toEqual(want);
    expect(want.every(([, n]) => Number(n) > 0)).toBe(true);
  });

  it('issues the next certificate number after the copied ones', async () => {
    const clerk = new ServerClient(server.url);
    await clerk.login('clerk', DEMO_PASSWORD);
    const approved = await clerk.ok<{ rows: { id: number }[] }>('filing.list', listInput({ states: ['approved'] }));
    let issuable: { filingId: number; filingVersion: number } | undefined;
    for (const f of approved.rows) {
      const c = await clerk.ok<{ filingId: number; filingVersion: number; canIssue: boolean }>('certificate.forFiling', { filingId: f.id });
      if (c.canIssue) issuable ??= c;
    }
    expect(issuable).toBeDefined();
    const cert = await clerk.ok<{ id: number; year: number; seq: number }>('certificate.issue', {
      filingId: issuable!.filingId,
      version: issuable!.filingVersion,
      idempotencyKey: `move-${process.pid}`,
    });
    const db = new Database(join(deskDir, 'desk.sqlite'), { readonly: true });
    const top = db
      .prepare('SELECT max(id) AS id, (SELECT max(seq) FROM certificates WHERE year = ?) AS seq FROM certificates')
      .get(cert.year) as {
      id: number;
      seq: number | null;
    };
    db.close();
    expect(cert.seq).toBe((top.seq ?? 0) + 1);
    expect(cert.id).toBeGreaterThan(top.id);
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    const before = await pgCounts(url);
    const again = desk('move-to-server', '--data-dir', deskDir, '--database', url, '--server-data-dir', serverDir);
    expect(again.out.trim()).toMatch(/^The database at postgres:\/\/\S+ is not empty .*nothing was copied/);
    expect(again.out.trim().split('\n')).toHaveLength(1);
    expect(again.code).toBe(1);
    expect(await pgCounts(url)).toEqual(before);
  });

  it('leaves nothing behind when the copy fails half-way', async () => {
    // A value PostgreSQL cannot store (a NUL in text) that SQLite holds: the copy fails after the files were placed.
    const db = new Database(join(deskDir, 'desk.sqlite'));
    db.prepare('INSERT INTO work_days (day, n) VALUES (?, ?)').run('2099-12-31\u0000', 1);
    db.close();
    const fresh = databaseUrl(await createDatabase('desk_move'));
    const pool = new pg.Pool({ connectionString: fresh, max: 1 });
    await migratePg(pool);
    await pool.end();
    const before = await pgCounts(fresh);
    const otherDir = join(dir, 'server-failed');
    const failed = desk('move-to-server', '--data-dir', deskDir, '--database', fresh, '--server-data-dir', otherDir);
    expect(failed.out).toMatch(/^The move failed; the database and the server’s data folder are as they were/);
    expect(failed.code).toBe(1);
    expect(await pgCounts(fresh)).toEqual(before);
    const left = existsSync(otherDir) ? readdirSync(otherDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    expect(left.map((e) => e.name)).toEqual([]);
  });

  it('refuses a desk with a table the server does not know, before copying anything', async () => {
    const db = new Database(join(deskDir, 'desk.sqlite'));
    db.exec('CREATE TABLE later_records (id INTEGER PRIMARY KEY)');
    db.close();
    const fresh = databaseUrl(await createDatabase('desk_move'));
    const r = desk('move-to-server', '--data-dir', deskDir, '--database', fresh, '--server-data-dir', join(dir, 'server-unknown'));
    expect(r.out.trim()).toBe('The server’s database has no table later_records; nothing was copied. Upgrade the server first.');
    expect(r.code).toBe(1);
    expect((await pgCounts(fresh)).users).toBe(0);
  });
});
