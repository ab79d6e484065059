import { z } from 'zod';
import { channel } from './define';
import { empty } from '../schemas/common';

/** A verified backup: the SQLite copy, its quick_check result and the audit chain head it carries. */
export const backupSchema = z.strictObject({
  /** File name inside <dataDir>/backups (desk-<timestamp>.sqlite). */
  file: z.string(),
  path: z.string(),
  createdAt: z.string(),
  size: z.number().int().nonnegative(),
  quickCheck: z.string(),
  /** Chain head inside the backup (seq 0 and empty hash when the log is empty). */
  head: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }),
  attachments: z.number().int().nonnegative(),
  /** How to restore this backup into its folder with this installation (app switch or npm script). */
  restoreCommand: z.string().optional(),
});
export type BackupInfo = z.infer<typeof backupSchema>;

export const backupContract = {
  'backup.create': channel({ input: empty, output: backupSchema, access: ['admin'], writes: true }),
  'backup.list': channel({ input: empty, output: z.array(backupSchema), access: ['admin'], writes: false }),
};
