/**
 * head-1: the chain head outside the database is signed and durable; without a valid one a non-empty chain fails,
 * the desk goes read-only, the head is never re-created from an unverified chain, re-anchoring is a deliberate audited
 * command, and restore refuses a backup without its signed head.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTestDesk, expectError, expectOk, TEST_PASSWORD, type TestDesk } from '../helpers/desk';
import { createDesk } from '../../src/main/desk';
import { GENESIS } from '../../src/main/db/audit';
import { verifyAudit } from '../../src/main/cli/verify-audit';
import { reanchor } from '../../src/main/cli/reanchor';
import { restoreBackup } from '../../src/main/db/backup';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
  const admin = await t.setupAdmin();
  for (let i = 0; i < 3; i++) await t.createUser('reviewer', 'yj');
  await admin.session.ok('auth.status', {});
});
afterEach(() => t.close());

const headPath = () => join(t.dir, 'audit-head.json');
const scrypt = { N: 2 ** 14, r: 8, p: 1 };

/** A careful forger: changes one entry and re-chains everything after it, straight in the file. */
function rewriteChain(dbPath: string, opts: { dropLast?: number } = {}) {
  const db = new Database(dbPath);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  if (opts.dropLast) db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(opts.dropLast);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
  let prev = GENESIS;
  for (const r of rows) {
    if (r.seq === 2) r.target = 'user:999';
    const fields = [prev, r.at, r.actor_id, r.actor_name, r.unit, r.action, r.target, r.outcome, r.before, r.after];
    const canonical = JSON.stringify(r.rows === null || r.rows === undefined ? fields : [...fields, r.rows]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    db.prepare('UPDATE audit_log SET target = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(r.target, prev, hash, r.seq);
    prev = hash;
  }
  db.close();
  return { seq: rows.length, hash: prev };
}

describe('head-1: a signed, durable chain head', () => {
  const tamperings: [string, (forged: { seq: number; hash: string }) => void][] = [
    ['deleted', () => rmSync(headPath())],
    ['emptied', () => writeFileSync(headPath(), '')],
    ['replaced with "{"', () => writeFileSync(headPath(), '{')],
    ['replaced with an unsigned head of the forged chain', (forged) => writeFileSync(headPath(), JSON.stringify(forged))],
    [
      'replaced with the old signature on the forged chain',
      (forged) => writeFileSync(headPath(), JSON.stringify({ ...JSON.parse(readFileSync(headPath(), 'utf8')), ...forged })),
    ],
  ];
  for (const [name, tamper] of tamperings) {
    it(`a consistently rewritten chain whose head was ${name} fails verification, and the desk goes read-only`, async () => {
      t.desk.close();
      const forged = rewriteChain(join(t.dir, 'desk.sqlite'));
      tamper(forged);
      const before = existsSync(headPath()) ? readFileSync(headPath()) : null;
      const out = verifyAudit(t.dir);
      expect(out.code).toBe(1);
      expect(out.lines[0]).toMatch(/FAILED.*(headMissing|headInvalid|headMismatch)/);
      const desk = createDesk(t.dir, { mode: 'test', scrypt });
      try {
        expect(desk.services.store.health).toMatchObject({ ok: false, problem: 'db.chain' });
        const status = expectOk(await desk.dispatch('auth.status', {}, { connectionId: 'c', lang: 'en' })) as { db: { ok: boolean } };
        expect(status.db.ok).toBe(false);
        expectError(
          await desk.dispatch(
            'auth.setup',
            { username: 'x1', displayName: 'X', password: TEST_PASSWORD },
            { connectionId: 'c', lang: 'en' },
          ),
          'READ_ONLY',
        );
      } finally {
        desk.close();
      }
      // The head is never re-created from the chain nobody verified.
      expect(existsSync(headPath()) ? readFileSync(headPath()) : null).toEqual(before);
    });
  }

  it('deleting the last five entries together with the head is caught', () => {
    t.desk.close();
    const db = new Database(join(t.dir, 'desk.sqlite'));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - 5').run();
    db.close();
    rmSync(headPath());
    expect(verifyAudit(t.dir)).toMatchObject({ code: 1 });
    expect(verifyAudit(t.dir).lines[0]).toContain('headMissing');
  });

  it('a running desk whose head file disappears stops writing and does not re-create it', async () => {
    const admin = await t.setupAdmin();
    rmSync(headPath());
    // The write in flight commits (it was acknowledged by SQLite), but the desk will not re-anchor from it.
    await t.createUser('reviewer', 'hb').catch(() => undefined);
    expect(existsSync(headPath())).toBe(false);
    expect(t.desk.services.store.health).toMatchObject({ ok: false, problem: 'db.chain' });
    expectError(
      await admin.session.call('accounts.create', {
        username: 'late-one',
        displayName: 'Late',
        role: 'observer',
        unit: null,
        password: TEST_PASSWORD,
      }),
      'READ_ONLY',
    );
  });

  it('the head is signed: it names the desk key and carries an Ed25519 signature', () => {
    const head = JSON.parse(readFileSync(headPath(), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(head).sort()).toEqual(['hash', 'keyId', 'seq', 'signature']);
    expect(head.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyAudit(t.dir).code).toBe(0);
  });

  it('re-anchoring is a deliberate command: refused without confirmation, audited, prints old and new heads', async () => {
    t.desk.close();
    rmSync(headPath());
    expect((await reanchor(t.dir, [])).code).toBe(2);
    expect(existsSync(headPath())).toBe(false);
    const out = await reanchor(t.dir, ['Zhang Wei', '--confirm']);
    expect(out.code).toBe(0);
    expect(out.lines[0]).toBe('old head: none (file missing)');
    expect(out.lines[2]).toMatch(/^new head: \d+ [0-9a-f]{64}$/);
    expect(verifyAudit(t.dir).code).toBe(0);
    const db = new Database(join(t.dir, 'desk.sqlite'), { readonly: true });
    const last = db.prepare('SELECT action, actor_name, before FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    db.close();
    expect(last).toEqual({ action: 'audit.reanchor', actor_name: 'Zhang Wei', before: JSON.stringify({ head: { state: 'missing' } }) });
    const desk = createDesk(t.dir, { mode: 'test', scrypt });
    expect(desk.services.store.health.ok).toBe(true);
    desk.close();
  });

  it('a backup carries its signed head; restore refuses one without it', async () => {
    const admin = await t.setupAdmin();
    const b = await admin.session.ok('backup.create', {});
    const sidecarPath = b.path.replace(/\.sqlite$/, '.json');
    const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as { signedHead: { seq: number; signature: string } };
    expect(sidecar.signedHead.seq).toBe(b.head.seq);
    // Rewrite the backup consistently and drop its head: refused, whether the sidecar is gone or only its head.
    rewriteChain(b.path);
    const { signedHead: _dropped, ...rest } = sidecar;
    writeFileSync(sidecarPath, JSON.stringify(rest));
    await expect(restoreBackup(b.path, join(t.dir, 'elsewhere'))).rejects.toMatchObject({ reason: 'unsigned' });
    rmSync(sidecarPath);
    await expect(restoreBackup(b.path, join(t.dir, 'elsewhere'))).rejects.toMatchObject({ reason: 'unsigned' });
    expect(existsSync(join(t.dir, 'elsewhere', 'desk.sqlite'))).toBe(false);
  });
});
