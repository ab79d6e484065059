import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../db/connection';
import { DB_FILE } from '../db/store';
import { HeadFile, verifyChain } from '../db/audit';

export interface CommandOutput {
  code: number;
  lines: string[];
}

/** Reads the database without migrating or writing anything: a check must not change what it checks. */
export function verifyAudit(dataDir: string): CommandOutput {
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [`no desk database at ${path}`] };
  const sqlite = openSqlite(path, { readonly: true });
  try {
    const report = verifyChain(sqlite, new HeadFile(join(dataDir, 'audit-head.json')).read());
    if (report.ok) return { code: 0, lines: [`ok, ${report.entries} entries, head ${report.head}`] };
    const row =
      report.badSeq === null
        ? undefined
        : sqlite.prepare('SELECT seq, at, actor_name, action, target, outcome FROM audit_log WHERE seq = ?').get(report.badSeq);
    return {
      code: 1,
      lines: [
        `FAILED at entry ${report.badSeq ?? '?'}: ${report.problem} (${report.entries} entries read)`,
        ...(row ? [JSON.stringify(row)] : []),
      ],
    };
  } finally {
    sqlite.close();
  }
}
