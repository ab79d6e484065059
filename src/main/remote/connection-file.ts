import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DB_FILE } from '../db/store';
import { isFingerprint } from './pinned';

/**
 * How this desktop app runs (issue 16, item 7): on its own, or as a client of the district server whose certificate
 * fingerprint the user confirmed. Kept in the user's data folder beside the database, not in it: a connected app
 * has no local database, and the choice must be readable before any store is opened.
 */
export const CONNECTION_FILE = 'connection.json';

const choiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }),
  z.object({
    mode: z.literal('server'),
    address: z.url({ protocol: /^https$/ }),
    fingerprint: z.string().refine(isFingerprint),
  }),
]);
export type ConnectionChoice = z.infer<typeof choiceSchema>;

/** `first-run`: no choice yet (or an unreadable file) on a data folder without a desk of its own. */
export type ConnectionState = ConnectionChoice | { mode: 'first-run' };

export function parseChoice(text: string): ConnectionChoice | null {
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The stored choice. A folder that already holds a standalone desk and no choice (a desk from before this setting)
 * stays standalone without asking: nobody's desk turns into a question after an update.
 */
export function readConnection(dataDir: string): ConnectionState {
  const file = join(dataDir, CONNECTION_FILE);
  const choice = existsSync(file) ? parseChoice(readFileSync(file, 'utf8')) : null;
  if (choice) return choice;
  return existsSync(join(dataDir, DB_FILE)) ? { mode: 'standalone' } : { mode: 'first-run' };
}

/** Written to a temporary file, flushed and renamed, so a crash leaves the old choice or the new one, never half. */
export function writeConnection(dataDir: string, choice: ConnectionChoice): void {
  const valid = choiceSchema.parse(choice);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, CONNECTION_FILE);
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
