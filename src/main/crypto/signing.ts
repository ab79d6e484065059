import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Certificate signatures (domain §8 "Verification"): the 2-D code carries the certificate number, the hash of the
 * registered record, when it was issued, which desk key signed it, and an Ed25519 signature over all of that, so any
 * desk holding the public key verifies it offline. Revocation is a lookup, not part of the code.
 */

export interface DeskKeys {
  publicKeyPem: string;
  privateKeyPem: string;
  /** First 12 hex digits of SHA-256 over the public key (SPKI DER). */
  keyId: string;
}

/**
 * Parsed keys by their PEM text. Parsing a PEM costs ~0.8 ms and every audited write signs the chain head: a
 * KeyObject is immutable, so each PEM is parsed once per process (a desk holds one key and trusts a few).
 */
const parsed = new Map<string, KeyObject>();
function cachedKey(pem: string, make: (pem: string) => KeyObject): KeyObject {
  let key = parsed.get(pem);
  if (!key) {
    if (parsed.size > 64) parsed.clear();
    parsed.set(pem, (key = make(pem)));
  }
  return key;
}
export const privateKeyOf = (pem: string): KeyObject => cachedKey(pem, createPrivateKey);
export const publicKeyOf = (pem: string): KeyObject => cachedKey(pem, createPublicKey);

const PRIVATE_FILE = 'desk-ed25519.key.pem';
const PUBLIC_FILE = 'desk-ed25519.pub.pem';
const QR_PREFIX = 'PDC1';

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 12);
}

function fromPrivatePem(privateKeyPem: string): DeskKeys {
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem, publicKeyPem, keyId: keyIdOf(publicKeyPem) };
}

/**
 * The desk's key pair in dataDir/keys (folder 0700, private key 0600). The private key is the only source of truth;
 * the public key file is written beside it for export. Two processes starting at once agree on one key: the new key
 * is written to a temporary file and hard-linked into place, which fails if another process got there first.
 */
export function loadOrCreateKeys(dataDir: string): DeskKeys {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, PRIVATE_FILE);
  let pem: string;
  try {
    pem = readFileSync(privatePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = generateKeyPairSync('ed25519');
    const fresh = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    writeFileSync(temp, fresh, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temp, privatePath);
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
    } finally {
      unlinkSync(temp);
    }
    pem = readFileSync(privatePath, 'utf8');
  }
  chmodSync(privatePath, 0o600);
  const keys = fromPrivatePem(pem);
  writeFileSync(join(dir, PUBLIC_FILE), keys.publicKeyPem, { mode: 0o644 });
  return keys;
}

/** The desk's keys if it has any; never creates them (checks must not change what they check). */
export function readKeys(dataDir: string): DeskKeys | null {
  try {
    return fromPrivatePem(readFileSync(join(dataDir, 'keys', PRIVATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** SHA-256 (hex) of the canonical JSON of the registered record. */
export function recordHash(canonicalRecordJson: string): string {
  return createHash('sha256').update(canonicalRecordJson, 'utf8').digest('hex');
}

/** The exact text that is signed: versioned, one field a line, so no field can bleed into another. */
export function certificatePayload(a: { number: string; recordHash: string; issuedAt: string; keyId: string }): string {
  return `pilot-desk certificate v1\nnumber=${a.number}\nrecord=${a.recordHash}\nissued=${a.issuedAt}\nkey=${a.keyId}`;
}

// No 0/O, 1/I/L, U/V: a clerk reads it off paper and types it.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const CODE_LENGTH = 10;

/** A 10-character code derived from the signature; it identifies a certificate, it does not replace the signature. */
export function verificationCodeFor(signature: Uint8Array): string {
  let n = BigInt(`0x${createHash('sha256').update(signature).digest('hex').slice(0, 20)}`);
  const base = BigInt(CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code += CODE_ALPHABET[Number(n % base)];
    n /= base;
  }
  return code;
}

/** What a clerk typed → the printed form (case, spaces and dashes ignored; O read as 0 is not in the alphabet). */
export function normalizeVerificationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function signCertificate(
  keys: DeskKeys,
  a: { number: string; recordHash: string; issuedAt: string },
): { qrText: string; verificationCode: string } {
  if (!/^[0-9a-f]{64}$/.test(a.recordHash)) throw new Error('recordHash must be 64 lowercase hex digits');
  if (a.issuedAt.includes('|') || a.issuedAt.includes('\n') || a.number.includes('\n')) throw new Error('field contains a separator');
  const payload = certificatePayload({ ...a, keyId: keys.keyId });
  const signature = sign(null, Buffer.from(payload, 'utf8'), privateKeyOf(keys.privateKeyPem));
  // The number goes last: it is the only field that may contain the separator.
  const qrText = [QR_PREFIX, keys.keyId, a.recordHash, a.issuedAt, signature.toString('base64url'), a.number].join('|');
  return { qrText, verificationCode: verificationCodeFor(signature) };
}

export type QrVerification =
  | { ok: true; number: string; recordHash: string; keyId: string; issuedAt: string; verificationCode: string }
  | { ok: false; reason: 'format' | 'unknownKey' | 'signature' };

export function verifyQrText(qrText: string, trustedPublicKeys: { keyId: string; publicKeyPem: string }[]): QrVerification {
  const parts = qrText.split('|');
  if (parts.length < 6 || parts[0] !== QR_PREFIX) return { ok: false, reason: 'format' };
  const [, keyId, hash, issuedAt, sig] = parts as [string, string, string, string, string];
  const number = parts.slice(5).join('|');
  if (!/^[0-9a-f]{12}$/.test(keyId) || !/^[0-9a-f]{64}$/.test(hash) || !/^[A-Za-z0-9_-]{86}$/.test(sig) || !number || !issuedAt)
    return { ok: false, reason: 'format' };
  const key = trustedPublicKeys.find((k) => k.keyId === keyId);
  if (!key) return { ok: false, reason: 'unknownKey' };
  const signature = Buffer.from(sig, 'base64url');
  const payload = certificatePayload({ number, recordHash: hash, issuedAt, keyId });
  let valid = false;
  try {
    valid = verify(null, Buffer.from(payload, 'utf8'), publicKeyOf(key.publicKeyPem), signature);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'signature' };
  return { ok: true, number, recordHash: hash, keyId, issuedAt, verificationCode: verificationCodeFor(signature) };
}
