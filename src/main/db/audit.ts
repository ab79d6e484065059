import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db, SqliteHandle, Trx } from './connection';
import type { AuditLogTable } from './schema';
import type { HeadState } from './audit-head';
import { tipAndWrittenRows } from './row-hashes';

export interface AuditInput {
  actorId: number | null;
  actorName: string | null;
  unit: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  before?: unknown;
  after?: unknown;
}

export const GENESIS = '0'.repeat(64);

/** A stored audit row as SQLite returns it. */
type AuditRow = Selectable<AuditLogTable>;
/** What the hash covers: every column but the sequence number and the two hashes. */
type HashedFields = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>;

function entryHash(prev: string, e: HashedFields): string {
  // Field order is fixed here; the hash covers every column except seq-derived storage details.
  const fields = [prev, e.at, e.actor_id, e.actor_name, e.unit, e.action, e.target, e.outcome, e.before, e.after];
  // Entries from before row hashes (and those that wrote no covered row) keep the original form.
  const canonical = JSON.stringify(e.rows === null || e.rows === undefined ? fields : [...fields, e.rows]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry inside the caller's transaction, chained to the previous entry's hash. */
export async function appendAudit(trx: Trx, input: AuditInput, at: Date): Promise<{ seq: number; hash: string }> {
  const { tip: last, rows } = await tipAndWrittenRows(trx);
  const prev = last?.hash ?? GENESIS;
  const row = {
    at: at.toISOString(),
    actor_id: input.actorId,
    actor_name: input.actorName,
    unit: input.unit,
    action: input.action,
    target: input.target,
    outcome: input.outcome,
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    rows: rows ? JSON.stringify(rows) : null,
  };
  const hash = entryHash(prev, row);
  const inserted = await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prev, hash })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const tip = { seq: inserted.seq, hash };
  appendedTips.set(trx, tip);
  return tip;
}

/**
 * The entry a transaction appended last, kept per transaction so the end of a write (its signed head, the head file
 * after commit) need not read back what it just wrote. Every entry of a write goes through appendAudit on the
 * write's own transaction, so this is the chain's tip inside it; a transaction that appended nothing has none here.
 */
const appendedTips = new WeakMap<object, ChainHead>();
export const appendedTip = (trx: Trx): ChainHead | null => appendedTips.get(trx) ?? null;

export interface ChainHead {
  seq: number;
  hash: string;
}

export function currentHead(handle: SqliteHandle): ChainHead | null {
  const row = handle.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined;
  return row ?? null;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  head: string;
  problem: 'hash' | 'link' | 'gap' | 'truncated' | 'headMismatch' | 'headMissing' | 'headInvalid' | null;
  badSeq: number | null;
}

/**
 * The chain check, one row at a time, for any source of rows in seq order: `push` answers a failed report at the
 * first bad entry, `finish` checks the external head is part of the chain (catches truncation and rewrites).
 */
export function chainChecker(external: ChainHead | null) {
  let prev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  let headAtExternal: string | null = null;
  return {
    push(row: AuditRow): VerifyReport | null {
      if (row.seq !== expectedSeq) return { ok: false, entries, head: prev, problem: 'gap', badSeq: expectedSeq };
      if (row.prev_hash !== prev) return { ok: false, entries, head: prev, problem: 'link', badSeq: row.seq };
      if (entryHash(prev, row) !== row.hash) return { ok: false, entries, head: prev, problem: 'hash', badSeq: row.seq };
      prev = row.hash;
      if (external && row.seq === external.seq) headAtExternal = row.hash;
      expectedSeq++;
      entries++;
      return null;
    },
    finish(): VerifyReport {
      if (external) {
        if (external.seq > entries) return { ok: false, entries, head: prev, problem: 'truncated', badSeq: entries + 1 };
        if (headAtExternal !== external.hash) return { ok: false, entries, head: prev, problem: 'headMismatch', badSeq: external.seq };
      }
      return { ok: true, entries, head: prev, problem: null, badSeq: null };
    },
  };
}

/** Walks the whole chain of a SQLite file; then checks the external head is part of it. */
export function verifyChain(handle: SqliteHandle, external: ChainHead | null): VerifyReport {
  const check = chainChecker(external);
  const rows = handle.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>;
  for (const row of rows) {
    const bad = check.push(row);
    if (bad) return bad;
  }
  return check.finish();
}

/** The same walk through Kysely, a page at a time (any store; the district server's has no synchronous handle). */
export async function verifyChainOf(db: Db, external: ChainHead | null, pageSize = 5000): Promise<VerifyReport> {
  const check = chainChecker(external);
  for (let after = 0; ;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const row of page) {
      const bad = check.push(row);
      if (bad) return bad;
    }
    if (page.length < pageSize) return check.finish();
    after = page[page.length - 1]!.seq;
  }
}

/** The chain head through Kysely (any store). */
export async function currentHeadOf(db: Db | Trx): Promise<ChainHead | null> {
  return (await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/**
 * head-1: the chain checked against its signed external head. A non-empty chain without a head that verifies fails,
 * whatever happened to the file (deleted, emptied, unsigned, signed by another key): the head is the only thing a
 * consistent rewrite of the whole log cannot forge.
 */
export function verifyAnchored(handle: SqliteHandle, head: HeadState): VerifyReport {
  const report = verifyChain(handle, head.state === 'ok' ? head.head : null);
  if (!report.ok || head.state === 'ok' || report.entries === 0) return report;
  return { ...report, ok: false, problem: head.state === 'missing' ? 'headMissing' : 'headInvalid', badSeq: null };
}
