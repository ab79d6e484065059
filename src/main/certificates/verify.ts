/**
 * Offline verification (domain §8): the signature against this desk's key and the keys it trusts; for a
 * certificate in this desk's own register, the stored record's hash and its status (revoked, suspended, superseded,
 * or its pilot closed at the end of the run period).
 */
import type { VerifyOutput } from '../../shared/contract/certificates';
import { translate, type Lang } from '../../shared/i18n';
import type { Db, Trx } from '../db/connection';
import { findByCode, findByNumber, namesFor, trustedKeys } from '../db/certificates';
import { normalizeVerificationCode, recordHash, verifyQrText, type DeskKeys } from '../crypto/signing';
import { parseRecord } from './record';
import { getFiling } from '../db/filings';
import { extractCode } from './pdf-code';

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
  | 'foreignDesk';

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
    ...facts,
  };
  out.message = translate(v.lang, `cert.reason.${reason}`, { replacedBy: out.replacedBy ?? '', number: out.number ?? '' });
  return out;
}

export async function verifyText(v: Verifier, text: string): Promise<VerifyOutput> {
  const keys = [...(v.own ? [v.own] : []), ...(await trustedKeys(v.db)).map((k) => ({ keyId: k.key_id, publicKeyPem: k.public_key_pem }))];
  const checked = verifyQrText(text.trim(), keys);
  if (!checked.ok) return answer(v, 'invalid', checked.reason);
  const facts = { number: checked.number, issuedAt: checked.issuedAt, keyId: checked.keyId };
  const local = await findByNumber(v.db, checked.number);
  if (!local) {
    // Signed by this desk yet missing from its register: not a certificate this desk stands behind.
    if (v.own && checked.keyId === v.own.keyId) return answer(v, 'invalid', 'notInRegister', facts);
    return answer(v, 'valid', 'foreignDesk', facts);
  }
  const names = (await namesFor(v.db, [local.id])).get(local.id);
  const record = parseRecord(local.recordJson);
  const known = {
    ...facts,
    known: true,
    filingNo: record.filingNo,
    projectName: record.projectName,
    replacedBy: names?.replacedByNumber ?? null,
  };
  // The code must describe the register's record exactly: the stored hash, and the hash of the stored text.
  if (local.recordHash !== checked.recordHash || recordHash(local.recordJson) !== checked.recordHash || local.keyId !== checked.keyId)
    return answer(v, 'invalid', 'recordMismatch', known);
  if (local.status === 'revoked') return answer(v, 'revoked', 'revoked', known);
  if (local.status === 'suspended') return answer(v, 'suspended', 'suspended', known);
  if (local.status === 'superseded') return answer(v, 'invalid', 'superseded', known);
  // A pilot whose run period ended with dismantling or sealing no longer holds a registration in force.
  if ((await getFiling(v.db, local.filingId))?.state === 'closed') return answer(v, 'invalid', 'closed', known);
  return answer(v, 'valid', 'ok', known);
}

export async function verifyCode(v: Verifier, code: string): Promise<VerifyOutput> {
  const local = await findByCode(v.db, normalizeVerificationCode(code));
  if (!local) return answer(v, 'invalid', 'unknownCode');
  return verifyText(v, local.qrText);
}

export async function verifyPdf(v: Verifier, pdf: Uint8Array): Promise<VerifyOutput> {
  const text = await extractCode(pdf);
  if (!text) return answer(v, 'invalid', 'noCode');
  return verifyText(v, text);
}
