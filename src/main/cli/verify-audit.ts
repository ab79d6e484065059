import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../db/connection';
import { DB_FILE, HEAD_FILE } from '../db/store';
import { verifyAnchored } from '../db/audit';
import { HeadFile } from '../db/audit-head';
import { verifyRows } from '../db/row-hashes';
import { readKeys } from '../crypto/signing';

export interface CommandOutput {
  code: number;
  lines: string[];
}

const why: Record<string, string> = {
  headMissing: 'the signed chain head file is missing',
  headInvalid: 'the chain head file is not signed by this desk',
};

/** Reads the database without migrating or writing anything: a check must not change what it checks. */
export function verifyAudit(dataDir: string): CommandOutput {
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [`no desk database at ${path}`] };
  const sqlite = openSqlite(path, { readonly: true });
  try {
    const head = new HeadFile(join(dataDir, HEAD_FILE), readKeys(dataDir));
    const report = verifyAnchored(sqlite, head.inspect());
    if (report.ok) {
      const rows = verifyRows(sqlite);
      if (!rows.length) return { code: 0, lines: [`ok, ${report.entries} entries, head ${report.head}`] };
      return {
        code: 1,
        lines: [
          `FAILED: ${rows.length} row(s) no longer match the audit chain (${report.entries} entries verified)`,
          ...rows.map((r) => `row ${r.problem}: ${r.table} ${r.key}${r.seq ? ` (last recorded at entry ${r.seq})` : ''}`),
        ],
      };
    }
    const row =
      report.badSeq === null
        ? undefined
        : sqlite.prepare('SELECT seq, at, actor_name, action, target, outcome FROM audit_log WHERE seq = ?').get(report.badSeq);
    const where = report.badSeq === null ? '' : ` at entry ${report.badSeq}`;
    return {
      code: 1,
      lines: [
        `FAILED${where}: ${report.problem}${why[report.problem ?? ''] ? ` (${why[report.problem!]})` : ''} (${report.entries} entries read)`,
        ...(row ? [JSON.stringify(row)] : []),
      ],
    };
  } finally {
    sqlite.close();
  }
}
