import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite, createKysely } from '../db/connection';
import { DB_FILE, HEAD_FILE } from '../db/store';
import { appendAudit, currentHead, verifyChain } from '../db/audit';
import { HeadFile } from '../db/audit-head';
import { loadOrCreateKeys } from '../crypto/signing';
import type { CommandOutput } from './verify-audit';
import { FolderLock } from '../db/folder-lock';

function describeOld(path: string, state: ReturnType<HeadFile['inspect']>): { text: string; record: unknown } {
  if (state.state === 'ok') return { text: `${state.head.seq} ${state.head.hash} (signed)`, record: state.head };
  if (state.state === 'missing') return { text: 'none (file missing)', record: { state: 'missing' } };
  let raw = '';
  try {
    raw = readFileSync(path, 'utf8').slice(0, 300);
  } catch {
    raw = '';
  }
  return { text: `invalid (${state.why}): ${JSON.stringify(raw)}`, record: { state: 'invalid', why: state.why, raw } };
}

/**
 * `npm run desk -- reanchor "<administrator>" --confirm [--data-dir DIR]` (head-1): the one way to anchor a chain
 * whose signed head was lost. The chain must still be internally whole; the re-anchoring is itself an audit entry
 * naming who did it and the old head, and both heads are printed. The desk must not be running.
 */
export async function reanchor(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const who = rest.find((a) => a !== '--confirm');
  if (!who || !rest.includes('--confirm')) return { code: 2, lines: ['usage: reanchor "<administrator name>" --confirm [--data-dir DIR]'] };
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [`no desk database at ${path}`] };
  const lock = FolderLock.exclusive(dataDir);
  if (!lock) return { code: 1, lines: [`refused: a desk is running on ${dataDir}; close every desk using this folder first`] };
  try {
    return await reanchorLocked(dataDir, path, who);
  } finally {
    lock.release();
  }
}

async function reanchorLocked(dataDir: string, path: string, who: string): Promise<CommandOutput> {
  const headPath = join(dataDir, HEAD_FILE);
  const head = new HeadFile(headPath, loadOrCreateKeys(dataDir));
  const old = describeOld(headPath, head.inspect());
  const handle = openSqlite(path);
  const db = createKysely(handle);
  try {
    const chain = verifyChain(handle, null);
    if (!chain.ok)
      return {
        code: 1,
        lines: [`refused: the chain itself is broken at entry ${chain.badSeq} (${chain.problem}); restore a backup instead`],
      };
    const before = currentHead(handle);
    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        {
          actorId: null,
          actorName: who,
          unit: null,
          action: 'audit.reanchor',
          target: null,
          outcome: 'ok',
          before: { head: old.record },
          after: { chainHead: before, entries: chain.entries },
        },
        new Date(),
      ),
    );
    const now = currentHead(handle)!;
    head.write(now);
    return {
      code: 0,
      lines: [
        `old head: ${old.text}`,
        `chain before: ${before ? `${before.seq} ${before.hash}` : 'empty'}`,
        `new head: ${now.seq} ${now.hash}`,
      ],
    };
  } finally {
    await db.destroy();
    if (handle.open) handle.close();
  }
}
