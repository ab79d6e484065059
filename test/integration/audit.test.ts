import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Store } from '../../src/main/db/store';
import { createServices, write, type Ctx } from '../../src/main/services';
import { GENESIS } from '../../src/main/db/audit';
import { verifyStoreChain } from '../../src/main/db/store-ops';
import { anchorSettled, dropTrigger, openEitherStore, storeQuery } from '../helpers/store';

let dir: string;
let store: Store;

async function appendEntries(n: number) {
  const services = createServices(store);
  const ctx: Ctx = { services, actor: null, now: new Date('2026-11-26T02:00:00Z'), lang: 'en', connectionId: 't' };
  for (let i = 0; i < n; i++) await write(ctx, ({ audit }) => audit({ action: 'test.action', target: `thing:${i}`, after: { i } }));
  await anchorSettled(store);
}

const query = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => storeQuery<T>(store, sql, params);
const verify = (withHead = true) => verifyStoreChain(withHead ? store : { ...store, head: { read: () => null } as Store['head'] });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-audit-'));
  store = await openEitherStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('verifies an untouched log and keeps the head outside the database', async () => {
    await appendEntries(5);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, entries: 5, problem: null });
    const head = JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8'));
    expect(head.seq).toBe(5);
    expect(head.hash).toBe(report.head);
  });

  it('refuses edits and deletes through the append-only triggers', async () => {
    await appendEntries(3);
    await expect(query("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(/append-only/);
    await expect(query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a changed entry at its position when the triggers are bypassed', async () => {
    await appendEntries(6);
    await dropTrigger(store, 'audit_log', 'audit_log_no_update');
    await query("UPDATE audit_log SET target = 'thing:999' WHERE seq = 4");
    expect(await verify()).toMatchObject({ ok: false, problem: 'hash', badSeq: 4 });
  });

  it('catches a truncated log with the external head', async () => {
    await appendEntries(6);
    await dropTrigger(store, 'audit_log', 'audit_log_no_delete');
    await query('DELETE FROM audit_log WHERE seq > 4');
    // The chain that remains is internally consistent…
    expect((await verify(false)).ok).toBe(true);
    // …but the head kept outside the database says there were six.
    expect(await verify()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('catches a log rewritten with recomputed hashes', async () => {
    await appendEntries(4);
    await dropTrigger(store, 'audit_log', 'audit_log_no_update');
    // Rewrite entry 2 and re-chain everything after it, as a careful forger would.
    const rows = await query('SELECT * FROM audit_log ORDER BY seq');
    let prev = GENESIS;
    for (const r of rows) {
      if (r.seq === 2) r.target = 'thing:forged';
      const canonical = JSON.stringify([prev, r.at, r.actor_id, r.actor_name, r.unit, r.action, r.target, r.outcome, r.before, r.after]);
      const hash = createHash('sha256').update(canonical).digest('hex');
      await query('UPDATE audit_log SET target = ?, prev_hash = ?, hash = ? WHERE seq = ?', r.target, prev, hash, r.seq);
      prev = hash;
    }
    expect((await verify(false)).ok).toBe(true);
    expect(await verify()).toMatchObject({ ok: false, problem: 'headMismatch' });
  });

  it('a rolled-back write leaves no audit entry and no gap in the numbering', async () => {
    await appendEntries(1);
    const services = createServices(store);
    const ctx: Ctx = { services, actor: null, now: new Date(), lang: 'en', connectionId: 't' };
    await expect(
      write(ctx, async ({ audit }) => {
        await audit({ action: 'test.rollback', target: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await query('SELECT COUNT(*) AS n FROM audit_log')).toEqual([{ n: 1 }]);
    await appendEntries(1);
    expect(await verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('an unreadable head file does not pass as a valid head', () => {
    writeFileSync(join(dir, 'audit-head.json'), 'not json');
    expect(store.head.read()).toBeNull();
  });
});
