import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDFDocument, rgb } from 'pdf-lib';
import { decisionInput, expectError, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { issuedCertificate, reviewDesk } from '../helpers/review-desk';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import { describe as describeCli } from '../../src/main/cli/verify-certificate';
import { loadOrCreateKeys, recordHash, signCertificate } from '../../src/main/crypto/signing';
import { sqliteHandle } from '../../src/main/db/store';

/**
 * Issue 15 points 1–2: a genuine code proves the record, not the paper. Every result carries the registered facts and
 * the status with its date and reason; a PDF is compared with the issued file; people verify by number plus code.
 */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

const issued = () => issuedCertificate({ t, rv, clerk });

/** The forgery the tester made: the firm name whited out and another typed over it; the embedded code untouched. */
async function forge(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(0);
  page.drawRectangle({ x: 200, y: 500, width: 200, height: 20, color: rgb(1, 1, 1) });
  page.drawText('Forged Co', { x: 205, y: 505, size: 12 });
  return doc.save({ useObjectStreams: true });
}

describe('certificate.verify shows the registered facts (issue 15 §1)', () => {
  it('a forged PDF with a genuine code: the facts are returned and the file is flagged as not the issued one', async () => {
    const { f, cert, pdf } = await issued();
    const genuine = await clerk.session.ok('certificate.verify', { pdfBase64: Buffer.from(pdf).toString('base64') });
    expect(genuine).toMatchObject({ result: 'valid', file: 'issued', known: true });
    const applicant = f.fields.applicant;
    expect(genuine.facts).toMatchObject({
      applicantName: applicant.name,
      creditCode: applicant.creditCode,
      legalRepresentative: applicant.legalRepresentative,
      projectName: f.fields.project.name,
      bay: f.fields.project.bay,
      runFrom: f.fields.project.plannedStart,
      runTo: f.fields.project.plannedEnd,
    });
    expect(genuine.facts!.parkName).not.toBe('');
    expect(genuine.status).toMatchObject({ status: 'issued', reason: '' });
    expect(genuine.recordHash).toBe(cert.recordHash);

    const forged = await forge(pdf);
    const out = await clerk.session.ok('certificate.verify', { pdfBase64: Buffer.from(forged).toString('base64') });
    expect(out).toMatchObject({ result: 'valid', file: 'differs' });
    expect(out.facts!.applicantName).toBe(applicant.name);
    const lines = describeCli(out, 'en');
    expect(lines).toContain('file: differs — This is not the file the desk issued — compare it with the record below');
    expect(lines).toContain(`Pilot unit: ${applicant.name}`);
    expect(lines).toContain(`Unified social credit code: ${applicant.creditCode}`);
    expect(describeCli(out, 'zh-CN').join('\n')).toContain('该文件不是本窗口发出的文件');
    // Without a file there is nothing to compare.
    expect((await clerk.session.ok('certificate.verify', { code: cert.verificationCode, number: cert.number })).file).toBeNull();
  });

  it('a desk holding only the public key says so and shows what the code proves', async () => {
    const other = loadOrCreateKeys(`${t.dir}/other-desk`);
    const hash = recordHash('{"x":1}');
    const foreign = signCertificate(other, { number: '港城化中试备〔2026〕9号', recordHash: hash, issuedAt: '2026-03-01T00:00:00.000Z' });
    const admin = (await t.setupAdmin()).session;
    await admin.ok('certificate.importKey', { publicKeyPem: other.publicKeyPem, label: '港城' });
    const out = await clerk.session.ok('certificate.verify', { text: foreign.qrText });
    expect(out).toMatchObject({ result: 'valid', reason: 'foreignDesk', known: false, facts: null, status: null, recordHash: hash });
    expect(describeCli(out, 'en').join('\n')).toContain(
      `This desk holds only the issuer's public key, not the record. The code proves the number 港城化中试备〔2026〕9号, the record hash ${hash}`,
    );
  });
});

describe('verification by certificate number and code; status with date and reason (issue 15 §2)', () => {
  it('number and code must belong together; typed variants of the number are accepted', async () => {
    const { cert } = await issued();
    const { cert: other } = await issued();
    expect(await clerk.session.ok('certificate.verify', { code: cert.verificationCode, number: cert.number })).toMatchObject({
      result: 'valid',
      number: cert.number,
    });
    const typed = ` ${cert.number.replace('〔', '[').replace('〕', ']')} `;
    expect((await clerk.session.ok('certificate.verify', { code: cert.verificationCode, number: typed })).result).toBe('valid');
    expect(await clerk.session.ok('certificate.verify', { code: cert.verificationCode, number: other.number })).toMatchObject({
      result: 'invalid',
      reason: 'numberMismatch',
      facts: null,
    });
    // A number alone is not a verification.
    expectError(await clerk.session.raw('certificate.verify', { number: cert.number }), 'INVALID');
  });

  it('a revoked certificate shows when and why', async () => {
    const { cert } = await issued();
    await clerk.session.ok('certificate.revoke', { id: cert.id, reason: '隐瞒重大事故隐患' });
    const out = await clerk.session.ok('certificate.verify', { code: cert.verificationCode, number: cert.number });
    expect(out).toMatchObject({ result: 'revoked', status: { status: 'revoked', reason: '隐瞒重大事故隐患' } });
    expect(out.status!.at).toBe(t.clock().toISOString());
    expect(describeCli(out, 'zh-CN').join('\n')).toContain(`登记簿状态: 已撤销 ${out.status!.at} — 隐瞒重大事故隐患`);
  });
});

describe('the number pattern is a setting (issue 15 §7)', () => {
  it('default 〔2026〕N号; an older pattern issues 第000N号; both keep their form and verify after a change', async () => {
    const admin = (await t.setupAdmin()).session;
    const settings = await admin.ok('settings.get', {});
    expect(settings.certificate.numberPattern).toBe('{prefix}〔{year}〕{seq}号');
    const first = (await issued()).cert;
    expect(first.number).toBe('滨海化中试备〔2026〕1号');
    const old = { ...settings, certificate: { ...settings.certificate, numberPattern: '{prefix}〔{year}〕第{seq4}号' } };
    await admin.ok('settings.update', old);
    const second = (await issued()).cert;
    expect(second.number).toBe('滨海化中试备〔2026〕第0002号');
    expectError(
      await admin.raw('settings.update', { ...settings, certificate: { ...settings.certificate, numberPattern: '{prefix}号' } }),
      'INVALID',
    );
    await admin.ok('settings.update', settings);
    expect((await issued()).cert.number).toBe('滨海化中试备〔2026〕3号');
    for (const c of [first, second])
      expect(await clerk.session.ok('certificate.verify', { code: c.verificationCode, number: c.number })).toMatchObject({
        result: 'valid',
        number: c.number,
      });
  });
});

describe('characters no font can print (issue 15 §4)', () => {
  it('issuing is refused before a number is taken, naming the character; the check channel reports it', async () => {
    const accepted = await t.acceptedFiling();
    let view = await clerk.session.ok('review.get', { filingId: accepted.id });
    for (const u of UNIT_CODES) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
    // A name with a character (U+30000, Extension G) that no face on the machine has.
    sqliteHandle(t.desk.services.store)
      .prepare(`UPDATE filing_fields SET fields = json_set(fields, '$.applicant.name', '𰀀滨海化工有限公司') WHERE filing_id = ?`)
      .run(accepted.id);
    const f = await clerk.session.ok('filing.get', { id: accepted.id });
    const refused = expectError(
      await clerk.session.call('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey() }),
      'CONFLICT',
    );
    expect(refused.message).toContain('𰀀');
    expect(refused.message).toContain('U+30000');
    expect((await clerk.session.ok('filing.get', { id: f.id })).state).toBe('approved');
    // No number was used up: the next certificate is the year's first.
    expect((await issued()).cert.number).toBe('滨海化中试备〔2026〕1号');

    expect(await clerk.session.ok('certificate.glyphCheck', { text: '𠮷野家\n𰀀化工' })).toEqual({
      missing: [{ char: '𰀀', codePoint: 'U+30000' }],
    });
  });
});
