import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatePayload, loadOrCreateKeys, recordHash, signCertificate, verifyQrText } from '../../src/main/crypto/signing';

const number = '滨海化中试备〔2026〕第0001号';
const hash = recordHash('{"filing":42,"version":7}');
const issuedAt = '2026-11-26T08:30:00.000Z';

function fresh() {
  return mkdtempSync(join(tmpdir(), 'desk-keys-'));
}

describe('desk keys', () => {
  it('creates an Ed25519 key once, private file 0600, and loads the same key again', () => {
    const dir = fresh();
    const a = loadOrCreateKeys(dir);
    const b = loadOrCreateKeys(dir);
    expect(b).toEqual(a);
    expect(a.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(a.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    const files = readdirSync(join(dir, 'keys'));
    expect(files.sort()).toEqual(['desk-ed25519.key.pem', 'desk-ed25519.pub.pem']);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'keys', 'desk-ed25519.key.pem')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    }
  });

  it('two desks get different keys', () => {
    expect(loadOrCreateKeys(fresh()).keyId).not.toBe(loadOrCreateKeys(fresh()).keyId);
  });
});

describe('certificate signatures', () => {
  const keys = loadOrCreateKeys(fresh());
  const trusted = [{ keyId: keys.keyId, publicKeyPem: keys.publicKeyPem }];

  it('recordHash is SHA-256 hex', () => {
    expect(recordHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('payload names every field', () => {
    const p = certificatePayload({ number, recordHash: hash, issuedAt, keyId: keys.keyId });
    for (const part of [number, hash, issuedAt, keys.keyId]) expect(p).toContain(part);
  });

  it('signs and verifies offline, returning what was signed', () => {
    const { qrText, verificationCode } = signCertificate(keys, { number, recordHash: hash, issuedAt });
    expect(verificationCode).toMatch(/^[2-9A-HJKMNP-TW-Z]{10}$/);
    const result = verifyQrText(qrText, trusted);
    expect(result).toEqual({ ok: true, number, recordHash: hash, keyId: keys.keyId, issuedAt, verificationCode });
  });

  it('changing one character of the record hash breaks the signature', () => {
    const { qrText } = signCertificate(keys, { number, recordHash: hash, issuedAt });
    const i = qrText.indexOf(hash) + 10;
    const tampered = qrText.slice(0, i) + (qrText[i] === 'a' ? 'b' : 'a') + qrText.slice(i + 1);
    expect(verifyQrText(tampered, trusted)).toEqual({ ok: false, reason: 'signature' });
  });

  it('changing the number or the date breaks the signature', () => {
    const { qrText } = signCertificate(keys, { number, recordHash: hash, issuedAt });
    expect(verifyQrText(qrText.replace('0001', '0002'), trusted)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyQrText(qrText.replace('08:30', '08:31'), trusted)).toEqual({ ok: false, reason: 'signature' });
  });

  it('an unknown key or a key pretending to be ours is refused', () => {
    const other = loadOrCreateKeys(fresh());
    const { qrText } = signCertificate(other, { number, recordHash: hash, issuedAt });
    expect(verifyQrText(qrText, trusted)).toEqual({ ok: false, reason: 'unknownKey' });
    const forged = qrText.replace(other.keyId, keys.keyId);
    expect(verifyQrText(forged, trusted)).toEqual({ ok: false, reason: 'signature' });
  });

  it('malformed codes are format errors, never exceptions', () => {
    for (const junk of ['', 'hello', 'PDC1|||||', `PDC1|${keys.keyId}|${hash}|x|short|n`, 'PDC2|a|b|c|d|e']) {
      expect(verifyQrText(junk, trusted)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('a number containing the separator still round-trips', () => {
    const odd = 'A|B〔2026〕第0009号';
    const { qrText } = signCertificate(keys, { number: odd, recordHash: hash, issuedAt });
    expect(verifyQrText(qrText, trusted)).toMatchObject({ ok: true, number: odd });
  });

  it('verification takes well under 20 ms', () => {
    const { qrText } = signCertificate(keys, { number, recordHash: hash, issuedAt });
    verifyQrText(qrText, trusted);
    const t = performance.now();
    for (let i = 0; i < 50; i++) verifyQrText(qrText, trusted);
    expect((performance.now() - t) / 50).toBeLessThan(20);
  });
});
