import type { Handler } from '../dispatch';
import { verifyStoreChain } from '../db/store-ops';
import { verifyAnchored } from '../db/audit';
import { verifyRows } from '../db/row-hashes';

const verify: Handler<'audit.verify'> = async (_input, ctx) => {
  const { store } = ctx.services;
  // The district server's chain is checked by the store; the standalone desk also checks its signed head and rows.
  if (store.kind !== 'sqlite') return verifyStoreChain(store);
  const report = verifyAnchored(store.sqlite, store.head.inspect());
  if (!report.ok) return report;
  const rows = verifyRows(store.sqlite);
  return rows.length ? { ...report, ok: false, problem: 'rows', badSeq: rows[0]!.seq } : report;
};

const list: Handler<'audit.list'> = async (input, ctx) => {
  let q = ctx.services.store.db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_name', 'unit', 'action', 'target', 'outcome', 'hash'])
    .orderBy('seq', 'desc')
    .limit(input.limit);
  if (input.beforeSeq) q = q.where('seq', '<', input.beforeSeq);
  return (await q.execute()).map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor_name,
    unit: r.unit,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    hash: r.hash,
  }));
};

export const auditHandlers = { 'audit.verify': verify, 'audit.list': list, 'app.ping': () => ({ ok: true as const }) };
