import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openStore, type Store } from '../../src/main/db/store';
import { createServices, write, type Ctx } from '../../src/main/services';
import { verifyChain, GENESIS } from '../../src/main/db/audit';

let dir: string;
let store: Store;

async function appendEntries(n: number) {
  const services = createServices(store);
  const ctx: Ctx = { services, actor: null, now: new Date('2026-11-26T02:00:00Z'), lang: 'en', connectionId: 't' };
  for (let i = 0; i < n; i++) await write(ctx, ({ audit }) => audit({ action: 'test.action', target: `thing:${i}`, after: { i } }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-audit-'));
  store = openStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('verifies an untouched log and keeps the head outside the database', async () => {
    await appendEntries(5);
    const report = verifyChain(store.sqlite, store.head.read());
    expect(report).toMatchObject({ ok: true, entries: 5, problem: null });
    const head = JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8'));
    expect(head.seq).toBe(5);
    expect(head.hash).toBe(report.head);
  });

  it('refuses edits and deletes through the append-only triggers', async () => {
    await appendEntries(3);
    expect(() => store.sqlite.prepare("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(verifyChain(store.sqlite, store.head.read()).ok).toBe(true);
  });

  it('finds a changed entry at its position when the triggers are bypassed', async () => {
    await appendEntries(6);
    store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    store.sqlite.prepare("UPDATE audit_log SET target = 'thing:999' WHERE seq = 4").run();
    expect(verifyChain(store.sqlite, store.head.read())).toMatchObject({ ok: false, problem: 'hash', badSeq: 4 });
  });

  it('catches a truncated log with the external head', async () => {
    await appendEntries(6);
    store.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    store.sqlite.prepare('DELETE FROM audit_log WHERE seq > 4').run();
    // The chain that remains is internally consistent…
    expect(verifyChain(store.sqlite, null).ok).toBe(true);
    // …but the head kept outside the database says there were six.
    expect(verifyChain(store.sqlite, store.head.read())).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('catches a log rewritten with recomputed hashes', async () => {
    await appendEntries(4);
    store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    // Rewrite entry 2 and re-chain everything after it, as a careful forger would.
    const rows = store.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    let prev = GENESIS;
    for (const r of rows) {
      if (r.seq === 2) r.target = 'thing:forged';
      const canonical = JSON.stringify([prev, r.at, r.actor_id, r.actor_name, r.unit, r.action, r.target, r.outcome, r.before, r.after]);
      const hash = createHash('sha256').update(canonical).digest('hex');
      store.sqlite.prepare('UPDATE audit_log SET target = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(r.target, prev, hash, r.seq);
      prev = hash;
    }
    expect(verifyChain(store.sqlite, null).ok).toBe(true);
    expect(verifyChain(store.sqlite, store.head.read())).toMatchObject({ ok: false, problem: 'headMismatch' });
  });

  it('a rolled-back write leaves no audit entry', async () => {
    await appendEntries(1);
    const services = createServices(store);
    const ctx: Ctx = { services, actor: null, now: new Date(), lang: 'en', connectionId: 't' };
    await expect(
      write(ctx, async ({ audit }) => {
        await audit({ action: 'test.rollback', target: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('an unreadable head file does not pass as a valid head', () => {
    writeFileSync(join(dir, 'audit-head.json'), 'not json');
    expect(store.head.read()).toBeNull();
  });
});
