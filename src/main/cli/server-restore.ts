import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { HEAD_FILE } from '../db/store';
import { openPgStore } from '../db/postgres/store';
import { currentHeadOf } from '../db/audit';
import { runPgTool } from '../server/pg-tools';
import { DUMP_FILE, FILES_DIR, flagValue, MANIFEST_FILE, sha256Of, type Manifest } from './server-backup';
import type { CommandOutput } from './verify-audit';

/** Every file the manifest lists, present with its SHA-256; the problems, one line each. */
function checkManifest(from: string): { manifest: Manifest | null; problems: string[] } {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(from, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (err) {
    return { manifest: null, problems: [`no readable ${MANIFEST_FILE} in ${from}: ${(err as Error).message}`] };
  }
  if (manifest.format !== 'desk-server-backup/1') return { manifest: null, problems: [`${from} is not a desk server backup`] };
  const problems: string[] = [];
  for (const f of manifest.files) {
    const path = join(from, ...f.path.split('/'));
    if (!existsSync(path)) problems.push(`missing: ${f.path}`);
    else if (sha256Of(path) !== f.sha256) problems.push(`changed since the backup (SHA-256 differs): ${f.path}`);
  }
  if (!manifest.files.some((f) => f.path === DUMP_FILE)) problems.push(`the manifest lists no ${DUMP_FILE}`);
  return { manifest, problems };
}

/** Tables, views or sequences of anyone's in the database: a restore goes into an empty one only. */
async function objectsIn(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'v', 'S', 'm', 'p')",
    );
    return r.rows[0]!.n;
  } finally {
    await c.end();
  }
}

/**
 * `npm run desk -- server-restore --from FOLDER --database <url> --data-dir DIR` (issue 16, item 6): checks the
 * backup against its manifest, pg_restore into an EMPTY database in one transaction (all or nothing), puts the key,
 * the anchored chain head and the attachments into an empty data folder, and then opens the store as the server would
 * and says whether the chain verifies against both heads.
 */
export async function serverRestore(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const url = flagValue(rest, '--database');
  const fromArg = flagValue(rest, '--from');
  if (!url || !fromArg) return { code: 2, lines: ['usage: server-restore --from FOLDER --database <url> --data-dir DIR'] };
  const from = resolve(fromArg);
  const { manifest, problems } = checkManifest(from);
  if (!manifest || problems.length) return { code: 1, lines: [`refused: the backup in ${from} does not check out`, ...problems] };
  if (existsSync(join(dataDir, 'keys')) || existsSync(join(dataDir, HEAD_FILE)))
    return { code: 2, lines: [`refused: ${dataDir} already holds a desk's key or chain head; restore into an empty data folder`] };
  let objects: number;
  try {
    objects = await objectsIn(url);
  } catch (err) {
    return { code: 1, lines: [`PostgreSQL cannot be reached: ${(err as Error).message}`] };
  }
  if (objects > 0)
    return { code: 2, lines: [`refused: the database is not empty (${objects} tables or sequences); create an empty one (UTF-8) first`] };

  const restored = await runPgTool('pg_restore', url, [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    join(from, DUMP_FILE),
  ]);
  if (restored.code !== 0) return { code: 1, lines: [`pg_restore failed (${restored.code}); nothing was restored: ${restored.stderr}`] };
  const prefix = `${FILES_DIR}/`;
  for (const f of manifest.files.filter((x) => x.path.startsWith(prefix))) {
    const to = join(dataDir, ...f.path.slice(prefix.length).split('/'));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(from, ...f.path.split('/')), to);
  }
  const check = await verdict(url, dataDir);
  return { code: check.ok ? 0 : 1, lines: [`restored ${from} (backup of ${manifest.createdAt})`, check.line] };
}

/** What the server will find at start: the chain against the database's signed head and the anchored one. */
async function verdict(url: string, dataDir: string): Promise<{ ok: boolean; line: string }> {
  const store = await openPgStore(url, dataDir, { poolSize: 1 });
  try {
    if (!store.health.ok) return { ok: false, line: `FAILED: the server will refuse to start on it: ${store.health.detail}` };
    const head = await currentHeadOf(store.db);
    return { ok: true, line: head ? `audit chain ok, ${head.seq} entries, head ${head.hash}` : 'audit chain ok, empty' };
  } finally {
    await store.close();
  }
}
