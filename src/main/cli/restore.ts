import { BackupError, restoreBackup } from '../db/backup';
import type { CommandOutput } from './verify-audit';

/** `npm run desk -- restore <backup.sqlite> [--data-dir DIR]`: offline restore; the desk must not be running. */
export async function restore(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const file = rest[0];
  if (!file) return { code: 2, lines: ['usage: restore <backup.sqlite> [--data-dir DIR]'] };
  try {
    const r = await restoreBackup(file, dataDir);
    return {
      code: 0,
      lines: [
        `restored ${r.filings} filings from ${r.restoredFrom}`,
        `audit head ${r.head.seq} ${r.head.hash}`,
        ...r.movedAside.map((f) => `kept aside: ${f}`),
        ...(r.attachmentsMissing.length ? [`attachments missing from the backup folder: ${r.attachmentsMissing.length}`] : []),
      ],
    };
  } catch (err) {
    if (err instanceof BackupError) return { code: 1, lines: [`refused: ${err.message}`] };
    throw err;
  }
}
