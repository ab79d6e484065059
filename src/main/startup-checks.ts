import { sweepAttachments } from './attachment-sweep';
import { checkIntegrity } from './db/integrity';
import type { Desk } from './desk';

/**
 * After start, without holding up the first screen: remove attachment files no row refers to, then run the full
 * integrity_check (in a worker thread). A failed check puts the desk in the read-only damaged-database state.
 */
export async function runStartupChecks(desk: Desk): Promise<void> {
  const { store } = desk.services;
  const swept = await sweepAttachments(store).catch((err: unknown) => {
    console.error('[start] attachment sweep failed:', err instanceof Error ? err.message : err);
    return null;
  });
  if (swept && swept.placed + swept.removed > 0)
    console.error(`[start] attachments: ${swept.placed} placed, ${swept.removed} orphans removed`);
  const result = await checkIntegrity(store).catch((err: unknown) => {
    console.error('[start] integrity check did not run:', err instanceof Error ? err.message : err);
    return 'ok';
  });
  if (result !== 'ok') console.error(`database refused (db.corrupt): integrity_check failed, the desk is read-only\n${result}`);
}
