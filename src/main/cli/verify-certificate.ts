import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKysely, openSqlite } from '../db/connection';
import { DB_FILE } from '../db/store';
import { loadOrCreateKeys } from '../crypto/signing';
import { verifyCode, verifyPdf, verifyText, type Verifier } from '../certificates/verify';
import type { CommandOutput } from './verify-audit';

/**
 * `desk verify-certificate <file-or-code>`: a certificate PDF, a text file holding the decoded 2-D code, the code
 * text itself, or the 10-character verification code. Reads the register without writing; exit 0 only for valid.
 */
export async function verifyCertificate(dataDir: string, args: string[]): Promise<CommandOutput> {
  const target = args[0];
  if (!target) return { code: 2, lines: ['usage: verify-certificate <file-or-code> [--data-dir DIR]'] };
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [`no desk database at ${path}`] };
  const sqlite = openSqlite(path, { readonly: true });
  const db = createKysely(sqlite);
  try {
    // The desk's own key exists once it has issued anything; a copy without keys still checks imported ones.
    const own = existsSync(join(dataDir, 'keys', 'desk-ed25519.key.pem')) ? loadOrCreateKeys(dataDir) : null;
    const v: Verifier = { db, own, lang: process.env.LANG?.startsWith('zh') ? 'zh-CN' : 'en' };
    let out;
    if (existsSync(target)) {
      const bytes = readFileSync(target);
      out =
        bytes.subarray(0, 5).toString('latin1') === '%PDF-'
          ? await verifyPdf(v, new Uint8Array(bytes))
          : await verifyText(v, bytes.toString('utf8'));
    } else out = target.startsWith('PDC1|') ? await verifyText(v, target) : await verifyCode(v, target);
    const lines = [`${out.result}: ${out.message} (${out.reason})`];
    if (out.number) lines.push(`number: ${out.number}`);
    if (out.filingNo) lines.push(`filing: ${out.filingNo} ${out.projectName ?? ''}`.trimEnd());
    if (out.issuedAt) lines.push(`issued: ${out.issuedAt}, key ${out.keyId}`);
    if (out.replacedBy) lines.push(`replaced by: ${out.replacedBy}`);
    return { code: out.result === 'valid' ? 0 : 1, lines };
  } finally {
    await db.destroy();
  }
}
