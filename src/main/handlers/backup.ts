import type { Handler } from '../dispatch';
import { DeskError } from '../../shared/result';
import { write } from '../services';
import { BackupError, createBackup, listBackups } from '../db/backup';
import { restoreCommandLine } from '../cli/invocation';
import type { BackupInfo } from '../../shared/contract/backup';

const withCommand = (info: BackupInfo, dataDir: string): BackupInfo => ({
  ...info,
  restoreCommand: restoreCommandLine(info.path, dataDir),
});

const create: Handler<'backup.create'> = async (_input, ctx) => {
  try {
    const info = await createBackup(ctx.services.store, ctx.now);
    await write(ctx, ({ audit }) =>
      audit({
        action: 'backup.create',
        target: `backup:${info.file}`,
        after: { file: info.file, size: info.size, quickCheck: info.quickCheck, head: info.head },
      }),
    );
    return withCommand(info, ctx.services.store.dataDir);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    // A failed backup is on the record too: the administrator must learn that the last copy is older than they think.
    await write(ctx, ({ audit }) =>
      audit({ action: 'backup.create', target: null, outcome: 'failed', after: { reason: err.reason, detail: err.detail } }),
    );
    throw new DeskError('INTERNAL', 'backup.failed', { detail: err.detail });
  }
};

const list: Handler<'backup.list'> = (_input, ctx) =>
  listBackups(ctx.services.store.dataDir).map((b) => withCommand(b, ctx.services.store.dataDir));

export const backupHandlers = { 'backup.create': create, 'backup.list': list };
