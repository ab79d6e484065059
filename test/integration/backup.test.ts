import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src/main/desk';
import type { SqliteStore } from '../../src/main/db/store';
import { BackupError, restoreBackup } from '../../src/main/db/backup';
import { verifyChain, type ChainHead } from '../../src/main/db/audit';
import { loadOrCreateKeys } from '../../src/main/crypto/signing';
import { attachmentPath } from '../../src/main/attachments';
import { emptyFilingFields } from '../../src/shared/schemas/filing';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';
import type { BackupInfo } from '../../src/shared/contract/backup';
import type { Result } from '../../src/shared/result';

const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASSWORD = 'backup-test-pass';

function openDesk(dataDir: string): Desk<SqliteStore> {
  return createDesk(dataDir, { mode: 'test', scrypt: SCRYPT, checkOutputs: true });
}

async function as<T = any>(desk: Desk, conn: string, channel: string, input: unknown): Promise<T> {
  const r = (await desk.dispatch(channel, input, { connectionId: conn, lang: 'en' })) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}

const count = (path: string, sql: string): number => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tinyPdf = Buffer.from('%PDF-1.4\n% backup test attachment\n%%EOF\n');

/**
 * A second process writing straight into the same SQLite file, one committed row at a time, so the backup runs
 * against commits it cannot see coming (another process's connection, as a second desk window would be).
 */
function startWriterProcess(dbPath: string): { stop(): Promise<number> } {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 10000'); db.pragma('synchronous = FULL');
    const put = db.prepare("INSERT INTO meta(key, value) VALUES (?, 'x')");
    let i = 0, stop = false;
    process.on('message', () => { stop = true; });
    process.on('disconnect', () => process.exit(1));
    (function loop() {
      if (stop) { db.close(); process.send(i, () => process.exit(0)); return; }
      put.run('loop-' + String(i++).padStart(7, '0'));
      // A pause between commits, as any real writer has: SQLite's lock is not fair, and a writer that never lets
      // go would starve every other process (that would be a test of the busy timeout, not of the backup).
      setTimeout(loop, 1);
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        child.once('message', (n) => resolve(Number(n)));
        child.once('error', reject);
        child.send('stop');
      }),
  };
}

let root: string;
let dataDir: string;
let desk: Desk<SqliteStore>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-backup-'));
  dataDir = join(root, 'data');
  desk = openDesk(dataDir);
  await as(desk, 'admin', 'auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
  await as(desk, 'admin', 'accounts.create', { username: 'clerk', displayName: '李静', role: 'clerk', unit: 'sp', password: PASSWORD });
  await as(desk, 'clerk', 'auth.login', { username: 'clerk', password: PASSWORD });
  await as(desk, 'admin', 'accounts.create', {
    username: 'observer',
    displayName: '督查室',
    role: 'observer',
    unit: null,
    password: PASSWORD,
  });
  await as(desk, 'observer', 'auth.login', { username: 'observer', password: PASSWORD });
  for (let i = 0; i < 5; i++) {
    const f = await as(desk, 'clerk', 'filing.create', { fields: emptyFilingFields() });
    if (i === 0)
      await as(desk, 'clerk', 'material.attach', {
        filingId: f.id,
        version: f.version,
        code: 'application',
        file: { name: '申请表.pdf', contentBase64: tinyPdf.toString('base64') },
      });
  }
});

afterAll(() => {
  desk?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backup while writing (backup-1)', () => {
  it('takes a copy that passes quick_check and holds a consistent snapshot while two writers keep committing', async () => {
    const dbPath = join(dataDir, 'desk.sqlite');
    const writer = startWriterProcess(dbPath);
    let stop = false;
    let created = 0;
    const loop = (async () => {
      while (!stop && created < 5000) {
        await as(desk, 'clerk', 'filing.create', { fields: emptyFilingFields() });
        created++;
        // Requests arrive as separate events, as from a window; a bare await loop would never let the backup run.
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Both writers are committing before the first backup starts (the child takes a moment to start).
    const loopRows = () => desk.services.store.sqlite.prepare("SELECT count(*) FROM meta WHERE key LIKE 'loop-%'").pluck().get() as number;
    for (let waited = 0; loopRows() === 0 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const createdBefore = created;
    const backups: BackupInfo[] = [];
    for (let i = 0; i < 3; i++) {
      backups.push(await as<BackupInfo>(desk, 'admin', 'backup.create', {}));
      await new Promise((r) => setTimeout(r, 50));
    }
    stop = true;
    await loop;
    const rows = await writer.stop();
    expect(created).toBeGreaterThan(createdBefore);
    expect(rows).toBeGreaterThan(0);
    const liveFilings = count(dbPath, 'SELECT count(*) FROM filings');

    for (const b of backups) {
      expect(b.quickCheck).toBe('ok');
      expect(b.path).toBe(join(dataDir, 'backups', b.file));
      expect(b.file).toMatch(/^desk-\d{8}T\d{9}Z\.sqlite$/);
      // Independently: the copy is whole, self-contained (no WAL beside it) and its chain verifies to the recorded head.
      const copy = new Database(b.path, { readonly: true, fileMustExist: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(verifyChain(copy, b.head)).toMatchObject({ ok: true, entries: b.head.seq });
      // A snapshot, not a smear: the other process's rows form an unbroken prefix 0..n-1.
      const keys = copy.prepare("SELECT key FROM meta WHERE key LIKE 'loop-%' ORDER BY key").pluck().all() as string[];
      keys.forEach((k, i) => expect(k).toBe(`loop-${String(i).padStart(7, '0')}`));
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThan(rows);
      expect(copy.prepare('SELECT count(*) FROM filings').pluck().get()).toBeLessThan(liveFilings);
      copy.close();
      const sidecar = JSON.parse(readFileSync(b.path.replace(/\.sqlite$/, '.json'), 'utf8')) as { head: ChainHead };
      expect(sidecar.head).toEqual(b.head);
      // The attachment the filings refer to is kept with the backups.
      expect(b.attachments).toBe(1);
    }
    expect(existsSync(attachmentPath(join(dataDir, 'backups'), createHash('sha256').update(tinyPdf).digest('hex')))).toBe(true);
    // No half-written copy is left behind, and the list shows the verified ones, newest first.
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.includes('.partial') || f.endsWith('.tmp'))).toEqual([]);
    const listed = await as<BackupInfo[]>(desk, 'admin', 'backup.list', {});
    expect(listed.map((b) => b.file)).toEqual(backups.map((b) => b.file).reverse());
    expect(desk.services.store.health.ok).toBe(true);
  });

  it('is on the audit record', async () => {
    const entries = await as<{ action: string; outcome: string; target: string | null }[]>(desk, 'admin', 'audit.list', {
      beforeSeq: null,
      limit: 500,
    });
    expect(entries.filter((e) => e.action === 'backup.create' && e.outcome === 'ok').length).toBeGreaterThanOrEqual(3);
  });

  it('is for administrators only', async () => {
    for (const conn of ['clerk', 'observer']) {
      const r = await desk.dispatch('backup.create', {}, { connectionId: conn, lang: 'en' });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const l = await desk.dispatch('backup.list', {}, { connectionId: conn, lang: 'en' });
      expect(l).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const anon = await desk.dispatch('backup.create', {}, { connectionId: 'nobody', lang: 'en' });
    expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('restore (backup-1)', () => {
  it('into an empty data folder gives the same filings, attachments, chain head and signing key', async () => {
    const keys = loadOrCreateKeys(dataDir);
    const b = await as<BackupInfo>(desk, 'admin', 'backup.create', {});
    const live = join(dataDir, 'desk.sqlite');
    const filings = count(live, 'SELECT count(*) FROM filings');
    const filingRows = new Database(b.path, { readonly: true }).prepare('SELECT * FROM filings ORDER BY id').all();
    const empty = join(root, 'restored');
    const report = await restoreBackup(b.path, empty);
    expect(report.movedAside).toEqual([]);
    expect(report.backupHead).toEqual(b.head);
    expect(report.filings).toBe(filings);
    expect(report.attachmentsMissing).toEqual([]);
    expect(report.attachmentsCopied).toBe(1);

    const restored = openDesk(empty);
    try {
      expect(restored.services.store.health).toMatchObject({ ok: true, problem: null });
      expect(restored.services.store.sqlite.prepare('SELECT * FROM filings ORDER BY id').all()).toEqual(filingRows);
      // The backup's head is still in the chain at its place; the restore itself is the one entry after it.
      const at = restored.services.store.sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(b.head.seq);
      expect(at).toBe(b.head.hash);
      const last = restored.services.store.sqlite.prepare('SELECT seq, action, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
        seq: number;
        action: string;
        hash: string;
      };
      expect(last).toMatchObject({ seq: b.head.seq + 1, action: 'backup.restore' });
      expect(restored.services.store.head.read()).toEqual({ seq: last.seq, hash: last.hash });
      // Accounts came back too: the administrator signs in and the chain verifies against the external head.
      await as(restored, 'a', 'auth.login', { username: 'admin', password: PASSWORD });
      const verdict = await as(restored, 'a', 'audit.verify', {});
      expect(verdict).toMatchObject({ ok: true, problem: null });
      const f1 = await as(restored, 'a', 'filing.get', { id: 1 });
      const att = f1.materials.flatMap((m: any) => m.attachments)[0];
      expect(readFileSync(attachmentPath(empty, att.sha256))).toEqual(tinyPdf);
      // Certificates issued before the restore still verify: the desk signs with the same key.
      expect(loadOrCreateKeys(empty)).toEqual(keys);
    } finally {
      restored.close();
    }
  });

  it('moves an existing database aside, byte for byte, and keeps the old head file', async () => {
    const b = (await as<BackupInfo[]>(desk, 'admin', 'backup.list', {}))[0]!;
    const target = join(root, 'existing');
    const other = openDesk(target);
    await as(other, 'x', 'auth.setup', { username: 'someone', displayName: '另一位', password: PASSWORD });
    other.close();
    const before = sha(join(target, 'desk.sqlite'));
    const headBefore = readFileSync(join(target, 'audit-head.json'), 'utf8');
    const report = await restoreBackup(b.path, target, { now: new Date('2026-11-26T05:49:00.123Z') });
    const aside = join(target, 'desk.sqlite.damaged-20261126T054900123Z');
    expect(report.movedAside).toContain(aside);
    expect(sha(aside)).toBe(before);
    expect(readFileSync(join(target, 'audit-head.json.before-restore-20261126T054900123Z'), 'utf8')).toBe(headBefore);
    const restored = openDesk(target);
    try {
      expect(restored.services.store.health.ok).toBe(true);
      await as(restored, 'a', 'auth.login', { username: 'admin', password: PASSWORD });
      expect(await as(restored, 'a', 'audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      restored.close();
    }
  });

  it('refuses a backup that fails quick_check and changes nothing', async () => {
    const b = (await as<BackupInfo[]>(desk, 'admin', 'backup.list', {}))[0]!;
    const bad = join(root, 'bad.sqlite');
    copyFileSync(b.path, bad);
    const size = statSync(bad).size;
    const fd = openSync(bad, 'r+');
    writeSync(fd, Buffer.alloc(16 * 4096, 0xa5), 0, 16 * 4096, Math.max(4096, Math.floor(size / 2 / 4096) * 4096 - 8 * 4096));
    closeSync(fd);
    const target = join(root, 'untouched');
    const other = openDesk(target);
    other.close();
    const before = readdirSync(target).sort();
    const hash = sha(join(target, 'desk.sqlite'));
    await expect(restoreBackup(bad, target)).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(bad, target)).rejects.toMatchObject({ reason: 'quickCheck' });
    expect(readdirSync(target).sort()).toEqual(before);
    expect(sha(join(target, 'desk.sqlite'))).toBe(hash);
  });

  it('refuses a backup whose audit log was rewritten after it was taken', async () => {
    const b = (await as<BackupInfo[]>(desk, 'admin', 'backup.list', {}))[0]!;
    const dir = join(root, 'tampered');
    const copy = join(root, 'tampered-backup');
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy);
    const file = join(copy, b.file);
    copyFileSync(b.path, file);
    copyFileSync(b.path.replace(/\.sqlite$/, '.json'), file.replace(/\.sqlite$/, '.json'));
    cpSync(join(dirname(b.path), 'keys'), join(copy, 'keys'), { recursive: true });
    const db = new Database(file);
    // Behind the desk's back: drop the append-only trigger and drop the last entries.
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(b.head.seq - 2);
    db.close();
    await expect(restoreBackup(file, dir)).rejects.toMatchObject({ reason: 'chain' });
    expect(existsSync(join(dir, 'desk.sqlite'))).toBe(false);
  });
});

describe('problem attachments in a backup', () => {
  it('are copied with the backup and come back with a restore', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% a problem attachment kept by the backup\n%%EOF\n');
    const p = await as(desk, 'clerk', 'problem.create', {
      creditCode: creditCodeWithCheck('91320412MA1MXKJU6'),
      firmName: '常州新材科技有限公司',
      filingId: null,
      title: '中试车间供电线路只能入地敷设',
      request: '请协调架空方案。',
      source: 'commissioner',
      category: 'utilities',
      attachments: [{ name: '供电公司答复函.pdf', contentBase64: bytes.toString('base64') }],
      idempotencyKey: 'backup-problem-attachment-1',
    });
    expect(p.attachments).toHaveLength(1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const b = await as<BackupInfo>(desk, 'admin', 'backup.create', {});
    const target = join(root, 'restored-problems');
    const report = await restoreBackup(b.path, target);
    expect(report.attachmentsMissing).toEqual([]);
    expect(readFileSync(attachmentPath(target, sha256))).toEqual(bytes);
  });
});
