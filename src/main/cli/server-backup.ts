import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { HEAD_FILE } from '../db/store';
import { redactUrl } from '../db/postgres/store';
import { runPgTool } from '../server/pg-tools';
import type { CommandOutput } from './verify-audit';

/** What a backup folder holds besides its manifest: the dump, and the data folder's files under files/. */
export const DUMP_FILE = 'database.dump';
export const MANIFEST_FILE = 'manifest.json';
export const FILES_DIR = 'files';
const FORMAT = 'desk-server-backup/1';

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  database: string;
  /** Every file of the backup but the manifest, by its path inside the backup folder ('/' separated). */
  files: { path: string; bytes: number; sha256: string }[];
}

/** The value after `flag` in `rest`, or null. */
export function flagValue(rest: readonly string[], flag: string): string | null {
  const i = rest.indexOf(flag);
  return i >= 0 ? (rest[i + 1] ?? null) : null;
}

export const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every regular file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/**
 * `npm run desk -- server-backup --database <url> --data-dir DIR --out FOLDER` (issue 16, item 6). The order matters:
 *  1. the anchored chain head first: the file follows commits, so taken before the dump it is never ahead of the
 *     dumped chain (a head ahead of it would make the restored server refuse to start, `truncated`);
 *  2. pg_dump in custom format, one consistent snapshot of the whole database;
 *  3. the signing key and the attachments after it: an attachment is placed before its row's reply goes out, and
 *     files are content-addressed and never rewritten, so every file the dump refers to is there by now.
 * Staged uploads (.incoming) are not copied: no committed row refers to them.
 */
export async function serverBackup(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const url = flagValue(rest, '--database');
  const outArg = flagValue(rest, '--out');
  if (!url || !outArg) return { code: 2, lines: ['usage: server-backup --database <url> --data-dir DIR --out FOLDER'] };
  const out = resolve(outArg);
  if (existsSync(out) && readdirSync(out).length > 0) return { code: 2, lines: [`refused: ${out} is not empty`] };
  if (!existsSync(join(dataDir, 'keys')))
    return { code: 2, lines: [`no signing key in ${dataDir}/keys: is this the server's data folder?`] };
  mkdirSync(join(out, FILES_DIR), { recursive: true });

  if (existsSync(join(dataDir, HEAD_FILE))) copyInto(join(dataDir, HEAD_FILE), join(out, FILES_DIR, HEAD_FILE));
  const dump = await runPgTool('pg_dump', url, ['--format=custom', '--no-owner', '--no-privileges', '--file', join(out, DUMP_FILE)]);
  if (dump.code !== 0) return { code: 1, lines: [`pg_dump failed (${dump.code}): ${dump.stderr}`] };
  for (const sub of ['keys', 'attachments'])
    for (const p of filesUnder(join(dataDir, sub))) copyInto(join(dataDir, sub, p), join(out, FILES_DIR, sub, p));

  const files = filesUnder(out).map((p) => ({
    path: p.split(sep).join('/'),
    bytes: statSync(join(out, p)).size,
    sha256: sha256Of(join(out, p)),
  }));
  const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), database: redactUrl(url), files };
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const attachments = files.filter((f) => f.path.startsWith(`${FILES_DIR}/attachments/`)).length;
  return {
    code: 0,
    lines: [
      `backup written to ${out}: ${relative(process.cwd(), join(out, DUMP_FILE)) || DUMP_FILE}, ${attachments} attachment(s), key and chain head; manifest ${MANIFEST_FILE}`,
    ],
  };
}
