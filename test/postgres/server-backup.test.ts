/**
 * Backups on the district server (issue 16, item 6), as a restore drill: the demo desk on a server, decisions, a
 * backup (`server-backup`), more decisions, a restore (`server-restore`) into a new database and data folder, and the
 * server started on it holds exactly what the backup held, its chain verifies, an attachment and a certificate still
 * verify. A restored chain that was tampered with, or an older dump paired with a newer anchor, keeps the server from
 * starting with one line that says how an administrator re-anchors (`server-reanchor`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../helpers/store';
import { decisionInput, newKey } from '../helpers/desk';
import { buildServerOnce, root, ServerClient, spawnServer, startServer, type ServerProcess } from '../helpers/server';
import { UNIT_CODES } from '../../src/shared/domain/units';
import type { InboxRow, ReviewView } from '../../src/shared/contract/review';

const DEMO_PASSWORD = 'demo-2026-desk';
const TABLES = ['filings', 'decisions', 'certificates', 'attachments', 'audit_log', 'idempotency'];
let dir: string;
let url: string;
let live: ServerProcess;
const restarted: ServerProcess[] = [];

/** `npm run desk -- <args>` against the built out/main/desk.js. */
function desk(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'out', 'main', 'desk.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function counts(databaseUrl: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
    return out;
  } finally {
    await c.end();
  }
}

/** Every unit approves its first waiting filing on `server`. */
async function decideRound(server: ServerProcess, tag: string): Promise<void> {
  for (const unit of UNIT_CODES) {
    const client = new ServerClient(server.url);
    await client.login(unit, DEMO_PASSWORD);
    const inbox = await client.ok<InboxRow[]>('review.inbox');
    const row = inbox.find((r) => r.state === 'in_review' && r.sections.includes(unit) && r.staleSections.length === 0);
    if (!row) continue;
    const view = await client.ok<ReviewView>('review.get', { filingId: row.filingId });
    await client.ok('review.decide', decisionInput(view, unit, 'approve', { key: newKey(`${tag}-${unit}`) }));
  }
}

const serverArgs = (database: string, dataDir: string) => [
  '--database',
  database,
  '--listen',
  '127.0.0.1:0',
  '--insecure-loopback',
  '--data-dir',
  dataDir,
];

/** A fresh database and data folder holding the backup, restored by the command an administrator runs. */
async function restoreInto(tag: string): Promise<{ url: string; dataDir: string; out: string }> {
  const target = databaseUrl(await createDatabase(`desk_restore_${tag}`));
  const dataDir = join(dir, `restored-${tag}`);
  const r = desk('server-restore', '--from', join(dir, 'backup'), '--database', target, '--data-dir', dataDir);
  expect(r.out).toMatch(/audit chain ok/);
  expect(r.code).toBe(0);
  return { url: target, dataDir, out: r.out };
}

let atBackup: Record<string, number>;

beforeAll(async () => {
  buildServerOnce();
  dir = mkdtempSync(join(tmpdir(), 'desk-backup-'));
  url = databaseUrl(await createDatabase('desk_backup'));
  live = await startServer([...serverArgs(url, join(dir, 'live')), '--demo']);
  await decideRound(live, 'before');
}, 300_000);
afterAll(async () => {
  await Promise.all([live?.stop(), ...restarted.map((s) => s.stop())]);
  rmSync(dir, { recursive: true, force: true });
});

describe('server backup and restore drill', () => {
  it('backs up the database, key, chain head and attachments with a manifest of SHA-256s', async () => {
    const r = desk('server-backup', '--database', url, '--data-dir', join(dir, 'live'), '--out', join(dir, 'backup'));
    expect(r.out).toMatch(/backup written to/);
    expect(r.code).toBe(0);
    atBackup = await counts(url);
    const manifest = JSON.parse(readFileSync(join(dir, 'backup', 'manifest.json'), 'utf8'));
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['database.dump', 'files/audit-head.json', 'files/keys/desk-ed25519.key.pem']));
    expect(paths.filter((p: string) => p.startsWith('files/attachments/')).length).toBeGreaterThan(0);
    for (const f of manifest.files)
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, 'backup', f.path)))
          .digest('hex'),
      ).toBe(f.sha256);
    // The desk goes on after the backup: these decisions are not in it.
    await decideRound(live, 'after');
    expect((await counts(url)).decisions).toBeGreaterThan(atBackup.decisions!);
  });

  it('restores into a new database: the server starts, the chain verifies, the data is the backup’s', async () => {
    const restored = await restoreInto('drill');
    expect(await counts(restored.url)).toEqual(atBackup);
    const server = await startServer(serverArgs(restored.url, restored.dataDir));
    restarted.push(server);
    const admin = new ServerClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    // Signing in is audited too: the chain goes on from the backup's head and verifies to its end.
    const report = await admin.ok<{ ok: boolean; entries: number }>('audit.verify');
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.entries).toBe((await counts(restored.url)).audit_log);
    expect(report.entries).toBeGreaterThan(atBackup.audit_log!);
    expect((await counts(restored.url)).decisions).toBe(atBackup.decisions);

    // An attachment comes back byte for byte (the hash the row records), a certificate's PDF still verifies.
    const c = new pg.Client({ connectionString: restored.url });
    await c.connect();
    const att = (await c.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM attachments ORDER BY id LIMIT 1')).rows[0]!;
    const cert = (await c.query<{ id: number }>("SELECT id FROM certificates WHERE status = 'issued' ORDER BY id LIMIT 1")).rows[0]!;
    await c.end();
    const bytes = await fetchBytes(admin, `/files/attachment/${att.id}`);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(att.sha256);
    const pdf = await fetchBytes(admin, `/files/certificate/${cert.id}`);
    expect(await admin.ok('certificate.verify', { pdfBase64: pdf.toString('base64') })).toMatchObject({ result: 'valid' });
  });

  it('refuses a manifest whose files changed, and a database that is not empty', async () => {
    const copy = join(dir, 'backup-edited');
    spawnSync('cp', ['-r', join(dir, 'backup'), copy]);
    writeFileSync(join(copy, 'files', 'audit-head.json'), '{}');
    const target = databaseUrl(await createDatabase('desk_restore_edited'));
    const edited = desk('server-restore', '--from', copy, '--database', target, '--data-dir', join(dir, 'never'));
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(/changed since the backup \(SHA-256 differs\): files\/audit-head\.json/);
    const full = desk('server-restore', '--from', join(dir, 'backup'), '--database', url, '--data-dir', join(dir, 'never2'));
    expect(full.code).toBe(2);
    expect(full.out).toMatch(/the database is not empty/);
  });

  it('a restored chain edited by SQL makes the server refuse in one line; re-anchoring refuses a broken chain', async () => {
    const restored = await restoreInto('tampered');
    const c = new pg.Client({ connectionString: restored.url });
    await c.connect();
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query("UPDATE audit_log SET target = 'edited' WHERE seq = 3");
    await c.end();
    const refused = await spawnServer(serverArgs(restored.url, restored.dataDir));
    expect('url' in refused).toBe(false);
    if ('url' in refused) return;
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The audit chain in the database does not match its signed head \(\w+ at entry 3,.*server-reanchor/);
    const reanchor = desk('server-reanchor', 'Admin Wang', '--confirm', '--database', restored.url, '--data-dir', restored.dataDir);
    expect(reanchor.code).toBe(1);
    expect(reanchor.out).toMatch(/the chain itself is broken at entry 3/);
  });

  it('an old dump paired with the newer anchor is refused; an administrator re-anchors and the server starts', async () => {
    const restored = await restoreInto('old');
    copyFileSync(join(dir, 'live', 'audit-head.json'), join(restored.dataDir, 'audit-head.json'));
    const refused = await spawnServer(serverArgs(restored.url, restored.dataDir));
    expect('url' in refused).toBe(false);
    if (!('url' in refused))
      expect(refused.stderr.trim()).toMatch(/^The audit chain .*\(truncated at entry \d+, \d+ entries\).*server-reanchor/);

    const reanchor = desk('server-reanchor', 'Admin Wang', '--confirm', '--database', restored.url, '--data-dir', restored.dataDir);
    expect(reanchor.out).toMatch(/new head: \d+ [0-9a-f]{64}/);
    expect(reanchor.code).toBe(0);
    const server = await startServer(serverArgs(restored.url, restored.dataDir));
    restarted.push(server);
    const admin = new ServerClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    expect(await admin.ok('audit.verify')).toMatchObject({ ok: true, problem: null });
    const c = new pg.Client({ connectionString: restored.url });
    await c.connect();
    const entry = await c.query("SELECT actor_name, seq FROM audit_log WHERE action = 'audit.reanchor'");
    await c.end();
    // The re-anchoring is on the record, right after the backup's last entry, naming who did it.
    expect(entry.rows).toEqual([{ actor_name: 'Admin Wang', seq: atBackup.audit_log! + 1 }]);
  });
});

/** The body of a GET as bytes (ServerClient reads text). */
async function fetchBytes(client: ServerClient, path: string): Promise<Buffer> {
  const res = await fetch(new URL(path, client.base), { headers: { cookie: client.cookie ?? '' } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
