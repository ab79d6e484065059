import { createHash } from 'node:crypto';
import type { SqliteHandle } from '../../src/main/db/connection';

/**
 * A hash of every row of every table (except those named), so a test can prove that a refused request
 * changed nothing at all.
 */
export function fingerprint(sqlite: SqliteHandle, except: string[] = []): string {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !except.includes(n));
  const h = createHash('sha256');
  for (const t of tables) {
    h.update(t);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}
