import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pickLang, translate } from '../../shared/i18n';
import { openSqlite, type SqliteHandle } from '../db/connection';
import { DB_FILE, HEAD_FILE } from '../db/store';
import { FolderLock } from '../db/folder-lock';
import { verifyAnchored } from '../db/audit';
import { HeadFile } from '../db/audit-head';
import { verifyRows } from '../db/row-hashes';
import { LATEST_VERSION, NewerSchemaError } from '../db/migrations';
import { readKeys, type DeskKeys } from '../crypto/signing';
import { createPool } from '../db/postgres/connection';
import { migratePg } from '../db/postgres/migrations';
import { moveIntoPg, MoveRefused } from '../db/postgres/move';
import { redactUrl } from '../db/postgres/store';
import { defaultDataDir } from '../paths';
import { FilePlacement } from './move-files';
import type { CommandOutput } from './verify-audit';

const lang = () => pickLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'zh-CN');
const say = (key: string, params: Record<string, unknown> = {}) => translate(lang(), key, params);

export const MOVE_USAGE = 'move-to-server --database <postgres-url> [--server-data-dir DIR] [--data-dir DIR]';

/** --database and --server-data-dir (default: the server's own default folder) out of the command's arguments. */
export function parseMoveArgs(rest: readonly string[]): { database: string; serverDir: string } | string {
  let database: string | null = null;
  let serverDir = join(defaultDataDir(), 'server');
  for (let i = 0; i < rest.length; i++) {
    const v = rest[i + 1];
    if (rest[i] === '--database' && v) database = rest[++i]!;
    else if (rest[i] === '--server-data-dir' && v) serverDir = rest[++i]!;
    else return `unknown or incomplete option ${rest[i]}`;
  }
  if (!database || !/^postgres(ql)?:\/\//.test(database)) return '--database <postgres://…> is required';
  return { database, serverDir: resolve(serverDir) };
}

/** The desk's file as it stands: current schema, a chain that verifies against its signed head, rows that match it. */
function checkDesk(sqlite: SqliteHandle, dataDir: string, keys: DeskKeys | null): string | null {
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_VERSION) return say('move.deskSchema', { version, latest: LATEST_VERSION });
  if (!keys) return say('move.noKey', { path: join(dataDir, 'keys') });
  const report = verifyAnchored(sqlite, new HeadFile(join(dataDir, HEAD_FILE), keys).inspect());
  if (!report.ok) return say('move.deskChain', { detail: `${report.problem}${report.badSeq ? ` at entry ${report.badSeq}` : ''}` });
  const rows = verifyRows(sqlite);
  if (rows.length) return say('move.deskChain', { detail: `${rows.length} row(s) no longer match the chain` });
  return null;
}

/**
 * `npm run desk -- move-to-server --data-dir DESK --database <url> [--server-data-dir DIR]`: the standalone desk's
 * records into an empty PostgreSQL database (migrated first), its attachments, key and anchored head into the
 * server's folder. All or nothing: one transaction, and files this move placed are removed if it does not commit.
 */
export async function moveToServer(dataDir: string, rest: string[]): Promise<CommandOutput> {
  const args = parseMoveArgs(rest);
  if (typeof args === 'string') return { code: 2, lines: [args, `usage: ${MOVE_USAGE}`] };
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [say('move.noDesk', { path })] };
  // The desk must be closed: nothing may be written to it while it is copied.
  const lock = FolderLock.exclusive(dataDir);
  if (!lock) return { code: 1, lines: [say('move.deskBusy', { dir: dataDir })] };
  const sqlite = openSqlite(path, { readonly: true });
  const files = new FilePlacement(dataDir, args.serverDir);
  const pool = createPool(args.database, 2);
  let committed = false;
  try {
    const keys = readKeys(dataDir);
    const bad = checkDesk(sqlite, dataDir, keys);
    if (bad) return { code: 1, lines: [bad] };
    await migratePg(pool);
    const head = new HeadFile(join(args.serverDir, HEAD_FILE), keys);
    let attachments = 0;
    const moved = await moveIntoPg(sqlite, pool, {
      placeFiles: () => {
        files.check();
        attachments = files.place();
      },
      signHead: (h) => {
        const signed = head.sign(h);
        files.anchor(signed);
        return signed;
      },
    });
    committed = true;
    files.commit();
    const rows = Object.values(moved.counts).reduce((a, b) => a + b, 0);
    return {
      code: 0,
      lines: [
        say('move.done', { rows, tables: Object.keys(moved.counts).length, attachments, url: redactUrl(args.database) }),
        moved.head ? `head ${moved.head.seq} ${moved.head.hash}` : 'head (empty chain)',
      ],
    };
  } catch (err) {
    // Once committed, the rows refer to the staged files: a server's start-up sweep places whatever is left staged.
    if (committed) return { code: 1, lines: [say('move.placeLater', { reason: err instanceof Error ? err.message : String(err) })] };
    files.undo();
    if (err instanceof MoveRefused) return { code: 1, lines: [say(err.key, { ...err.params, url: redactUrl(args.database) })] };
    if (err instanceof NewerSchemaError) return { code: 1, lines: [say('move.newerServer', { detail: err.message })] };
    return { code: 1, lines: [say('move.failed', { reason: err instanceof Error ? err.message : String(err) })] };
  } finally {
    await pool.end();
    sqlite.close();
    lock.release();
  }
}
