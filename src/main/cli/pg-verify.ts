import { join, resolve } from 'node:path';
import { defaultDataDir } from '../paths';
import { HeadFile } from '../db/audit-head';
import { HEAD_FILE } from '../db/store';
import { readKeys } from '../crypto/signing';
import { createPgKysely, createPool } from '../db/postgres/connection';
import { verifyPgAnchored } from '../db/postgres/head';
import { PG_LATEST_VERSION } from '../db/postgres/migrations';
import { redactUrl } from '../db/postgres/store';
import type { Verifier } from '../certificates/verify';
import { verifyTarget } from './verify-certificate';
import type { Db } from '../db/connection';
import type { CommandOutput } from './verify-audit';

/** Without --data-dir the server's own default folder (server/options.ts), not the standalone desk's. */
export function serverFolder(dataDir: string): string {
  return dataDir === resolve(defaultDataDir()) ? join(defaultDataDir(), 'server') : dataDir;
}

/** `--database <url>` out of a command's arguments, and what is left. */
export function takeDatabase(rest: readonly string[]): { database: string | null; rest: string[] } {
  const i = rest.indexOf('--database');
  if (i < 0) return { database: null, rest: [...rest] };
  return { database: rest[i + 1] ?? '', rest: [...rest.slice(0, i), ...rest.slice(i + 2)] };
}

/**
 * Runs a check on the district server's database, read only and without migrating (a check must not change what it
 * checks): refuses a database this program's schema does not match. `dataDir` is the server's folder (key, anchor).
 */
async function onServer(url: string, check: (db: Db) => Promise<CommandOutput>): Promise<CommandOutput> {
  if (!/^postgres(ql)?:\/\//.test(url)) return { code: 2, lines: ['--database must be a postgres:// URL'] };
  const pool = createPool(url, 2);
  const db = createPgKysely(pool);
  try {
    const version = await pool
      .query<{ version: number }>('SELECT version FROM desk_schema')
      .then((r) => r.rows[0]?.version ?? 0)
      .catch(() => 0);
    if (version !== PG_LATEST_VERSION)
      return { code: 2, lines: [`the database at ${redactUrl(url)} has schema ${version}; this program reads ${PG_LATEST_VERSION}`] };
    return await check(db);
  } finally {
    await db.destroy();
  }
}

/** verify-audit --database: the chain, its signed head in the database and the head anchored in the server's folder. */
export function verifyServerAudit(url: string, dataDir: string): Promise<CommandOutput> {
  return onServer(url, async (db) => {
    const dir = serverFolder(dataDir);
    const report = await verifyPgAnchored(db, new HeadFile(join(dir, HEAD_FILE), readKeys(dir)));
    if (report.ok) return { code: 0, lines: [`ok, ${report.entries} entries, head ${report.head}`] };
    const where = report.badSeq === null ? '' : ` at entry ${report.badSeq}`;
    return { code: 1, lines: [`FAILED${where}: ${report.problem} (${report.entries} entries read)`] };
  });
}

/** verify-certificate --database: the same check as on a desk folder, against the server's register and key. */
export function verifyServerCertificate(url: string, dataDir: string, args: string[]): Promise<CommandOutput> {
  const target = args[0];
  if (!target)
    return Promise.resolve({ code: 2, lines: ['usage: verify-certificate <file-or-code> [number] --database <url> [--data-dir DIR]'] });
  return onServer(url, async (db) => {
    const v: Verifier = { db, own: readKeys(serverFolder(dataDir)), lang: process.env.LANG?.startsWith('zh') ? 'zh-CN' : 'en' };
    return verifyTarget(v, target, args[1]);
  });
}
