/**
 * Issue 9, point 11: a slow export reports how far it got and can be cancelled on the desk's side. The cancel stops
 * the loop at its next chunk; the run answers CONFLICT and leaves no file in the exports folder and no audit entry.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, expectError, type TestDesk, type TestUser } from '../helpers/desk';
import { EXPORT_CHUNK } from '../../src/main/followup/export';

const BULK = 20_000;
let t: TestDesk;
let admin: TestUser;
// One desk for the file (its setup is the slow part); each test starts with an empty exports folder.
beforeAll(async () => {
  t = await createTestDesk();
  admin = await t.setupAdmin();
  // Enough rows for many chunks even where the desk answers over a socket (PostgreSQL): tracked items written
  // straight into the table, which is all an export reads.
  const filing = await t.acceptedFiling();
  await t.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BULK})
     INSERT INTO tracked_items (filing_id, kind, text, verifying_unit, due_date, blocks, state, created_at)
     SELECT ?, 'condition', 'bulk item', 'yj', '2026-06-30', 'notice', 'open', '2026-03-02T02:00:00.000Z' FROM n`,
    filing.id,
  );
});
afterAll(() => t.close());
beforeEach(() => rmSync(join(t.dir, 'exports'), { recursive: true, force: true }));

const runId = () => randomBytes(16).toString('hex');
const exportFiles = () => {
  try {
    return readdirSync(join(t.dir, 'exports'));
  } catch {
    return [];
  }
};
const exportAudits = async () =>
  (await t.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'export.create' AND outcome = 'ok'`))[0]!.n;
const turn = () => new Promise((r) => setImmediate(r));

describe('export progress and cancel', () => {
  for (const format of ['csv', 'xlsx'] as const)
    it(`a cancel mid-export (${format}) stops it and leaves nothing`, async () => {
      const id = runId();
      const pending = admin.session.call('export.create', { kind: 'items', format, runId: id });
      // Watch the run until it has written some rows but not all of them.
      let seen: { written: number; total: number | null } | null = null;
      for (let i = 0; i < 10_000 && !(seen && seen.written > 0); i++) {
        seen = await admin.session.ok('export.progress', { runId: id });
        if (!seen || seen.written === 0) await turn();
      }
      expect(seen!.total).toBeGreaterThanOrEqual(BULK);
      expect(seen!.written).toBeGreaterThanOrEqual(EXPORT_CHUNK);
      expect(seen!.written).toBeLessThan(seen!.total!);
      // Another account cannot see or stop the run.
      const other = await t.clerk();
      expect(await other.session.ok('export.progress', { runId: id })).toBeNull();
      expect(await other.session.ok('export.cancel', { runId: id })).toEqual({ cancelled: false });
      expect(await admin.session.ok('export.cancel', { runId: id })).toEqual({ cancelled: true });
      expectError(await pending, 'CONFLICT');
      expect(exportFiles()).toEqual([]);
      expect(Number(await exportAudits())).toBe(0);
      expect(await admin.session.ok('export.progress', { runId: id })).toBeNull();
    });

  it('an uncancelled run writes every row it counted; a cancel that overtakes its run stops it from starting', async () => {
    const done = await admin.session.ok('export.create', { kind: 'items', format: 'csv', runId: runId() });
    const [count] = await t.query<{ n: number }>('SELECT count(*) AS n FROM tracked_items');
    expect(done.rows).toBe(Number(count!.n));
    expect(exportFiles()).toEqual([`${done.id}.csv`]);
    const early = runId();
    expect(await admin.session.ok('export.cancel', { runId: early })).toEqual({ cancelled: true });
    expectError(await admin.session.call('export.create', { kind: 'filings', format: 'xlsx', runId: early }), 'CONFLICT');
    expect(exportFiles()).toEqual([`${done.id}.csv`]);
    expect(Number(await exportAudits())).toBe(1);
  });
});
