/**
 * Offline verification (domain §8): the signature against this desk's key and the keys it trusts; for a
 * certificate in this desk's own register, the stored record's hash and its status (revoked, suspended, superseded,
 * or its pilot closed at the end of the run period).
 */
import { createHash } from 'node:crypto';
import type { RegisteredFacts, VerifyOutput } from '../../shared/contract/certificates';
import { translate, type Lang } from '../../shared/i18n';
import type { Db, Trx } from '../db/connection';
import { findByCode, findByNumber, namesFor, trustedKeys, type CertificateRow } from '../db/certificates';
import { normalizeVerificationCode, recordHash, verifyQrText, type DeskKeys } from '../crypto/signing';
import { parseRecord, type RegisteredRecord } from './record';
import { getFiling } from '../db/filings';
import { extractCode } from './pdf-code';
import { issuedPdf } from './file';

type Q = Db | Trx;

export interface Verifier {
  db: Q;
  /** This desk's key, or null where it has none (a CLI run on a copy without keys). */
  own: Pick<DeskKeys, 'keyId' | 'publicKeyPem'> | null;
  lang: Lang;
}

type Reason =
  | 'ok'
  | 'format'
  | 'unknownKey'
  | 'signature'
  | 'recordMismatch'
  | 'notInRegister'
  | 'unknownCode'
  | 'noCode'
  | 'superseded'
  | 'revoked'
  | 'suspended'
  | 'closed'
  | 'foreignDesk'
  | 'numberMismatch';

function answer(v: Verifier, result: VerifyOutput['result'], reason: Reason, facts: Partial<VerifyOutput> = {}): VerifyOutput {
  const out: VerifyOutput = {
    result,
    reason,
    message: '',
    number: null,
    filingNo: null,
    projectName: null,
    issuedAt: null,
    keyId: null,
    replacedBy: null,
    known: false,
    facts: null,
    recordHash: null,
    status: null,
    file: null,
    ...facts,
  };
  out.message = translate(v.lang, `cert.reason.${reason}`, { replacedBy: out.replacedBy ?? '', number: out.number ?? '' });
  return out;
}

/** What a reader compares with the paper in hand. */
function factsOf(r: RegisteredRecord): RegisteredFacts {
  return {
    applicantName: r.applicantName,
    creditCode: r.creditCode,
    legalRepresentative: r.legalRepresentative,
    projectName: r.projectName,
    parkName: r.parkName,
    baseName: r.baseName,
    bay: r.bay,
    runFrom: r.runFrom,
    runTo: r.runTo,
    extensionTo: r.extension?.to ?? null,
    issuer: r.issuer,
    issueDate: r.issueDate,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Compares a given file byte for byte (by SHA-256) with the file this desk issued for the certificate. */
async function fileCheck(db: Q, local: CertificateRow | null, file: Uint8Array | undefined): Promise<VerifyOutput['file']> {
  if (!file || !local) return null;
  const issued = await issuedPdf(db, local);
  return sha256(issued) === sha256(file) ? 'issued' : 'differs';
}

export async function verifyText(v: Verifier, text: string, file?: Uint8Array): Promise<VerifyOutput> {
  const keys = [...(v.own ? [v.own] : []), ...(await trustedKeys(v.db)).map((k) => ({ keyId: k.key_id, publicKeyPem: k.public_key_pem }))];
  const checked = verifyQrText(text.trim(), keys);
  if (!checked.ok) return answer(v, 'invalid', checked.reason);
  const facts = { number: checked.number, issuedAt: checked.issuedAt, keyId: checked.keyId, recordHash: checked.recordHash };
  const local = await findByNumber(v.db, checked.number);
  if (!local) {
    // Signed by this desk yet missing from its register: not a certificate this desk stands behind.
    if (v.own && checked.keyId === v.own.keyId) return answer(v, 'invalid', 'notInRegister', facts);
    return answer(v, 'valid', 'foreignDesk', facts);
  }
  const names = (await namesFor(v.db, [local.id])).get(local.id);
  const record = parseRecord(local.recordJson);
  const filing = await getFiling(v.db, local.filingId);
  const closed = local.status === 'issued' && filing?.state === 'closed';
  const known = {
    ...facts,
    known: true,
    filingNo: record.filingNo,
    projectName: record.projectName,
    replacedBy: names?.replacedByNumber ?? null,
    facts: factsOf(record),
    status: closed
      ? { status: 'closed' as const, at: filing.updatedAt, reason: '' }
      : { status: local.status, at: local.statusChangedAt, reason: local.statusReason },
    file: await fileCheck(v.db, local, file),
  };
  // The code must describe the register's record exactly: the stored hash, and the hash of the stored text.
  if (local.recordHash !== checked.recordHash || recordHash(local.recordJson) !== checked.recordHash || local.keyId !== checked.keyId)
    return answer(v, 'invalid', 'recordMismatch', known);
  if (local.status === 'revoked') return answer(v, 'revoked', 'revoked', known);
  if (local.status === 'suspended') return answer(v, 'suspended', 'suspended', known);
  if (local.status === 'superseded') return answer(v, 'invalid', 'superseded', known);
  // A pilot whose run period ended with dismantling or sealing no longer holds a registration in force.
  if (closed) return answer(v, 'invalid', 'closed', known);
  return answer(v, 'valid', 'ok', known);
}

/** Certificate numbers as people type them: width variants and spaces ignored, [] read as 〔〕. */
export function normalizeNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[［【]/g, '〔')
    .replace(/[\]］】]/g, '〕');
}

/** By the verification code, and (as the certificate tells people) the certificate number printed with it. */
export async function verifyCode(v: Verifier, code: string, number?: string): Promise<VerifyOutput> {
  const local = await findByCode(v.db, normalizeVerificationCode(code));
  if (!local) return answer(v, 'invalid', 'unknownCode');
  if (number?.trim() && normalizeNumber(number) !== normalizeNumber(local.number)) return answer(v, 'invalid', 'numberMismatch');
  return verifyText(v, local.qrText);
}

export async function verifyPdf(v: Verifier, pdf: Uint8Array): Promise<VerifyOutput> {
  const text = await extractCode(pdf);
  if (!text) return answer(v, 'invalid', 'noCode');
  return verifyText(v, text, pdf);
}
