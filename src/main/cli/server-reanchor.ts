import { join } from 'node:path';
import { appendAudit, currentHeadOf, verifyChainOf } from '../db/audit';
import { HeadFile } from '../db/audit-head';
import { HEAD_FILE } from '../db/store';
import { readKeys } from '../crypto/signing';
import { createPgKysely, createPool } from '../db/postgres/connection';
import { DB_HEAD_KEY, recordSignedHead } from '../db/postgres/head';
import { getMeta } from '../db/settings';
import { flagValue } from './server-backup';
import type { CommandOutput } from './verify-audit';

function parseOr(raw: string | null): unknown {
  try {
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return {};
  }
}

/**
 * `npm run desk -- server-reanchor "<administrator>" --confirm --database <url> --data-dir DIR` (head-1 on the
 * district server, as `reanchor` is for a desk's SQLite file): signs the chain as it now stands, in the database
 * (meta audit_head) and in the anchor file, after the administrator has accepted that it is the record, e.g. an
 * older backup restored on purpose. The chain must still verify entry by entry; the re-anchoring is itself an audit
 * entry naming who did it and both old heads. Every server instance on this database must be stopped.
 */
export async function serverReanchor(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const url = flagValue(rest, '--database');
  const who = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--database');
  if (!url || !who || !rest.includes('--confirm'))
    return { code: 2, lines: ['usage: server-reanchor "<administrator name>" --confirm --database <url> --data-dir DIR'] };
  const keys = readKeys(dataDir);
  if (!keys) return { code: 2, lines: [`no signing key in ${dataDir}/keys: the chain head can only be signed with the desk's own key`] };
  const head = new HeadFile(join(dataDir, HEAD_FILE), keys);
  const pool = createPool(url, 1);
  const db = createPgKysely(pool);
  try {
    const chain = await verifyChainOf(db, null);
    if (!chain.ok)
      return {
        code: 1,
        lines: [`refused: the chain itself is broken at entry ${chain.badSeq} (${chain.problem}); restore a backup instead`],
      };
    const oldFile = head.inspect();
    const oldDb = await getMeta(db, DB_HEAD_KEY);
    const before = await currentHeadOf(db);
    const describe = (s: typeof oldFile) => (s.state === 'ok' ? { seq: s.head.seq, hash: s.head.hash } : { state: s.state });
    await db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        {
          actorId: null,
          actorName: who,
          unit: null,
          action: 'audit.reanchor',
          target: null,
          outcome: 'ok',
          before: { head: describe(oldFile), databaseHead: describe(head.check(parseOr(oldDb))) },
          after: { chainHead: before, entries: chain.entries },
        },
        new Date(),
      );
      await recordSignedHead(trx, head);
    });
    const now = (await currentHeadOf(db))!;
    head.write(now);
    return {
      code: 0,
      lines: [
        `old anchored head: ${oldFile.state === 'ok' ? `${oldFile.head.seq} ${oldFile.head.hash}` : oldFile.state}`,
        `chain before: ${before ? `${before.seq} ${before.hash}` : 'empty'}`,
        `new head: ${now.seq} ${now.hash}`,
      ],
    };
  } finally {
    await db.destroy();
  }
}
