import { appendedTip, currentHeadOf, verifyChainOf, type VerifyReport } from '../audit';
import type { HeadFile } from '../audit-head';
import type { Db, Trx } from '../connection';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../schema';
import { getMeta } from '../settings';

/** Where the district server keeps its signed chain head, in the database itself (meta, no migration needed). */
export const DB_HEAD_KEY = 'audit_head';

/**
 * The signed head, written inside every write transaction after its last entry. Transactions take turns on the write
 * lock, so the stored head is always exactly the chain's last entry, whichever instance wrote it; it is signed with
 * the desk key, which lives in the server's data folder and never in the database, so whoever can rewrite the tables
 * still cannot re-make the head.
 *
 * Answers, from the same statement, whether covered rows were written after the transaction's last entry (rows-1:
 * the caller then appends an entry for them and records the head again), so a write's end costs one round trip.
 */
export async function recordSignedHead(trx: Trx, head: HeadFile): Promise<{ unrecordedRows: boolean }> {
  const tip = appendedTip(trx) ?? (await currentHeadOf(trx));
  const unrecorded = (eb: ExpressionBuilder<DB, 'meta'>) =>
    eb.exists(eb.selectFrom('audit_dirty').select('tbl').where('origin', '=', 'write')).as('unrecorded');
  if (!tip) return { unrecordedRows: Boolean((await trx.selectNoFrom(unrecorded).executeTakeFirstOrThrow()).unrecorded) };
  const value = JSON.stringify(head.sign(tip));
  const row = await trx
    .insertInto('meta')
    .values({ key: DB_HEAD_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .returning(unrecorded)
    .executeTakeFirstOrThrow();
  return { unrecordedRows: Boolean(row.unrecorded) };
}

/**
 * head-1 on the district server, at start: the chain verifies entry by entry; its last entry is the signed head kept
 * in the database (a rewrite of the log, or of the head, fails); and the head anchored outside the database (the file
 * in the data folder, which may lag a little behind several instances) is part of it, so a restored older dump, whose
 * own stored head is validly signed but shorter than the anchor, is refused too.
 */
export async function verifyPgAnchored(db: Db, head: HeadFile): Promise<VerifyReport> {
  const raw = await getMeta(db, DB_HEAD_KEY);
  let parsed: unknown;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    parsed = {};
  }
  const stored = head.check(parsed);
  const report = await verifyChainOf(db, stored.state === 'ok' ? stored.head : null);
  if (!report.ok || report.entries === 0) return report;
  const fail = (problem: VerifyReport['problem'], badSeq: number | null): VerifyReport => ({ ...report, ok: false, problem, badSeq });
  if (stored.state !== 'ok') return fail(stored.state === 'missing' ? 'headMissing' : 'headInvalid', null);
  if (stored.head.seq !== report.entries) return fail('headMismatch', stored.head.seq);
  const anchor = head.inspect();
  if (anchor.state !== 'ok') return fail(anchor.state === 'missing' ? 'headMissing' : 'headInvalid', null);
  if (anchor.head.seq > report.entries) return fail('truncated', report.entries + 1);
  const at = await db.selectFrom('audit_log').select('hash').where('seq', '=', anchor.head.seq).executeTakeFirst();
  if (at?.hash !== anchor.head.hash) return fail('headMismatch', anchor.head.seq);
  return report;
}
