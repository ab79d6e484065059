import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKysely, openSqlite } from '../db/connection';
import { DB_FILE } from '../db/store';
import { loadOrCreateKeys } from '../crypto/signing';
import { verifyCode, verifyPdf, verifyText, type Verifier } from '../certificates/verify';
import type { CommandOutput } from './verify-audit';
import type { VerifyOutput } from '../../shared/contract/certificates';
import { translate, type Lang } from '../../shared/i18n';

/**
 * `desk verify-certificate <file-or-code>`: a certificate PDF, a text file holding the decoded 2-D code, the code
 * text itself, or the 10-character verification code (optionally followed by the certificate number). Reads the
 * register without writing; exit 0 only for valid. The registered facts are always printed: the code proves the
 * record, not the paper, so the reader compares them with the certificate in hand.
 */
export async function verifyCertificate(dataDir: string, args: string[]): Promise<CommandOutput> {
  const target = args[0];
  if (!target) return { code: 2, lines: ['usage: verify-certificate <file-or-code> [certificate-number] [--data-dir DIR]'] };
  const path = join(dataDir, DB_FILE);
  if (!existsSync(path)) return { code: 2, lines: [`no desk database at ${path}`] };
  const sqlite = openSqlite(path, { readonly: true });
  const db = createKysely(sqlite);
  try {
    // The desk's own key exists once it has issued anything; a copy without keys still checks imported ones.
    const own = existsSync(join(dataDir, 'keys', 'desk-ed25519.key.pem')) ? loadOrCreateKeys(dataDir) : null;
    const v: Verifier = { db, own, lang: process.env.LANG?.startsWith('zh') ? 'zh-CN' : 'en' };
    return await verifyTarget(v, target, args[1]);
  } finally {
    await db.destroy();
  }
}

/** The result, what the file comparison found, and the registered facts, one per line. */
export function describe(out: VerifyOutput, lang: Lang): string[] {
  const t = (key: string, params: Record<string, string> = {}) => translate(lang, key, params);
  const lines = [`${out.result}: ${out.message} (${out.reason})`];
  if (out.file) lines.push(`file: ${out.file} — ${t(out.file === 'issued' ? 'cert.verify.fileIssued' : 'cert.verify.fileDiffers')}`);
  if (out.number) lines.push(`number: ${out.number}`);
  if (out.filingNo) lines.push(`filing: ${out.filingNo} ${out.projectName ?? ''}`.trimEnd());
  if (out.issuedAt) lines.push(`issued: ${out.issuedAt}, key ${out.keyId}`);
  if (out.replacedBy) lines.push(`replaced by: ${out.replacedBy}`);
  const f = out.facts;
  if (f) {
    lines.push(t('cert.verify.compare'));
    lines.push(`${t('cert.fact.applicant')}: ${f.applicantName}`);
    lines.push(`${t('cert.fact.creditCode')}: ${f.creditCode}`);
    lines.push(`${t('cert.fact.legalRep')}: ${f.legalRepresentative}`);
    lines.push(`${t('cert.col.project')}: ${f.projectName}`);
    lines.push(`${t('cert.fact.site')}: ${f.parkName} / ${f.baseName} / ${f.bay}`);
    lines.push(`${t('cert.fact.runPeriod')}: ${f.runFrom} – ${f.extensionTo ?? f.runTo}`);
    lines.push(`${t('cert.fact.issuer')}: ${f.issuer} ${f.issueDate}`);
  } else if (out.number && out.recordHash) {
    lines.push(t('cert.verify.keyOnly', { number: out.number, hash: out.recordHash }));
  }
  if (out.status) {
    const at = out.status.at ? ` ${out.status.at}` : '';
    lines.push(
      `${t('cert.fact.status')}: ${t(`cert.status.${out.status.status}`)}${at}${out.status.reason ? ` — ${out.status.reason}` : ''}`,
    );
  }
  return lines;
}

/** What a verification command was given — a PDF file, a file or text holding the 2-D code, or a code and number — checked. */
export async function verifyTarget(v: Verifier, target: string, number: string | undefined): Promise<CommandOutput> {
  let out;
  if (existsSync(target)) {
    const bytes = readFileSync(target);
    out =
      bytes.subarray(0, 5).toString('latin1') === '%PDF-'
        ? await verifyPdf(v, new Uint8Array(bytes))
        : await verifyText(v, bytes.toString('utf8'));
  } else out = target.startsWith('PDC1|') ? await verifyText(v, target) : await verifyCode(v, target, number);
  return { code: out.result === 'valid' ? 0 : 1, lines: describe(out, v.lang) };
}
