import { renderStored } from '../../src/shared/i18n/stored';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import {
  createTestDesk,
  decisionInput,
  expectError,
  expectOk,
  newKey,
  reviewersByUnit,
  type TestDesk,
  type TestUser,
} from '../helpers/desk';
import { extractText, renderPages, type RenderedPage } from '../helpers/pdf-render';
import { dropTrigger } from '../helpers/store';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { UNIT_CODES, type UnitCode } from '../../src/shared/domain/units';
import type { ReviewDecision } from '../../src/shared/domain/review';
import { displayDate, quantity } from '../../src/main/pdf/format';
import { quotes } from '../../src/main/pdf/certificate';
import { parseRecord } from '../../src/main/certificates/record';
import { loadOrCreateKeys, recordHash, signCertificate } from '../../src/main/crypto/signing';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  rv = await reviewersByUnit(t);
  clerk = await t.clerk();
});
afterEach(() => t.close());

/** An accepted filing taken through one review round in which every unit decides as given (approve by default). */
async function approvedFiling(
  opts: { conditional?: boolean; decisions?: Partial<Record<UnitCode, ReviewDecision>>; lockCondition?: boolean } = {},
) {
  const accepted = await t.acceptedFiling({ conditional: opts.conditional });
  let view = await clerk.session.ok('review.get', { filingId: accepted.id });
  for (const u of UNIT_CODES) {
    const d = opts.decisions?.[u] ?? 'approve';
    const conditions =
      opts.lockCondition && u === 'yj'
        ? [{ text: '试运行前完成HAZOP整改', verifyingUnit: 'yj' as const, dueDays: 10, blocks: 'lock' as const }]
        : undefined;
    view = await rv[u].session.ok(
      'review.decide',
      decisionInput(view, u, opts.lockCondition && u === 'yj' ? 'approveWithConditions' : d, { conditions }),
    );
  }
  return clerk.session.ok('filing.get', { id: accepted.id });
}

const file = async (kind: string, id: string | number, connectionId = clerk.session.connectionId) => {
  const r = await t.desk.files(kind, String(id), { connectionId, lang: 'en' });
  return expectOk(r).bytes;
};

const issue = async (filingId: number) => {
  const f = await clerk.session.ok('filing.get', { id: filingId });
  return clerk.session.ok('certificate.issue', { filingId, version: f.version, idempotencyKey: newKey('issue') });
};

/** Finds and decodes the QR code on the rendered page (the code sits in the lower half, left of the text). */
function decodeQr(page: RenderedPage): string | null {
  const code = jsQR(page.rgba, page.width, page.height);
  return code?.data ?? null;
}

describe('certificate.issue: only when the rules allow', () => {
  it('refuses before approval, issues after, numbers 〔year〕N号 (no 第, no leading zeros) and registers the filing', async () => {
    const accepted = await t.acceptedFiling();
    const refused = expectError(
      await clerk.session.call('certificate.issue', { filingId: accepted.id, version: accepted.version, idempotencyKey: newKey() }),
      'CONFLICT',
    );
    expect(refused.message).toContain('in_review');
    expect((await clerk.session.ok('certificate.forFiling', { filingId: accepted.id })).canIssue).toBe(false);

    const f = await approvedFiling();
    expect(f.state).toBe('approved');
    const state = await clerk.session.ok('certificate.forFiling', { filingId: f.id });
    expect(state).toMatchObject({ canIssue: true, problems: [], certificates: [] });
    // A reviewer or an observer may not issue.
    expectError(
      await rv.sp.session.call('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey() }),
      'FORBIDDEN',
    );
    const cert = await issue(f.id);
    expect(cert).toMatchObject({
      number: '滨海化中试备〔2026〕1号',
      year: 2026,
      seq: 1,
      status: 'issued',
      filingId: f.id,
      filingNo: f.filingNo,
      replacesId: null,
    });
    expect(cert.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{10}$/);
    const after = await clerk.session.ok('filing.get', { id: f.id });
    expect(after).toMatchObject({ state: 'registered', clock: null });
    const second = await approvedFiling();
    expect((await issue(second.id)).number).toBe('滨海化中试备〔2026〕2号');
    // Issued once: a second issue for the same filing is refused.
    expectError(
      await clerk.session.call('certificate.issue', { filingId: f.id, version: after.version, idempotencyKey: newKey() }),
      'CONFLICT',
    );
    const audit = await (await t.setupAdmin()).session.ok('audit.list', { beforeSeq: null, limit: 50 });
    expect(audit.filter((e) => e.action === 'certificate.issue' && e.outcome === 'ok').map((e) => e.target)).toEqual([
      `filing:${second.id}`,
      `filing:${f.id}`,
    ]);
  });

  it('a stale version gets STALE; the same idempotency key returns the same certificate', async () => {
    const f = await approvedFiling();
    const stale = expectError(
      await clerk.session.call('certificate.issue', { filingId: f.id, version: f.version - 1, idempotencyKey: newKey() }),
      'STALE',
    );
    expect(stale.current).toMatchObject({ filingId: f.id, filingVersion: f.version, canIssue: true });
    const key = newKey('once');
    const a = await clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: key });
    const b = await clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect((await clerk.session.ok('certificate.list', { query: '', status: null, offset: 0, limit: 10 })).total).toBe(1);
  });

  it('registerWithHold: a conditionally accepted filing is registered and its certificate lists the open papers', async () => {
    const f = await approvedFiling({ conditional: true });
    const cert = await issue(f.id);
    const pdf = await file('certificate', cert.id);
    const text = (await extractText(pdf)).join('').replace(/\s+/g, '');
    const papers = f.trackedItems.filter((i) => i.kind === 'material');
    expect(papers.length).toBe(2);
    // Printed in Chinese (the certificate is a Chinese document, whatever the reader's language), with GB/T 15834
    // quotation marks (“ ”), whatever the record holds.
    const stored = await t.query<{ id: number; text: string }>('SELECT id, text FROM tracked_items WHERE filing_id = ?', f.id);
    for (const p of papers) {
      const zh = renderStored('zh-CN', stored.find((r) => Number(r.id) === p.id)!.text);
      expect(zh).toMatch(/^补交「/);
      expect(text).toContain(quotes(zh).replace(/\s+/g, ''));
    }
    expect(text).toContain('不得开展试运行');
  });

  it("policy 'lock': open papers hold registration back; a 'lock' condition always does", async () => {
    const admin = (await t.setupAdmin()).session;
    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', { ...settings, conditionalPolicy: 'lock' });
    const conditional = await approvedFiling({ conditional: true });
    const state = await clerk.session.ok('certificate.forFiling', { filingId: conditional.id });
    expect(state.canIssue).toBe(false);
    expect(state.problems).toEqual([{ key: 'cert.problem.missingPapers', params: { n: 2 } }]);
    expectError(
      await clerk.session.call('certificate.issue', { filingId: conditional.id, version: conditional.version, idempotencyKey: newKey() }),
      'CONFLICT',
    );
    // A plain acceptance has nothing missing: lock changes nothing for it.
    const plain = await approvedFiling();
    expect((await issue(plain.id)).seq).toBe(1);

    await admin.ok('settings.update', { ...settings, conditionalPolicy: 'registerWithHold' });
    expect((await clerk.session.ok('certificate.forFiling', { filingId: conditional.id })).canIssue).toBe(true);
    const locked = await approvedFiling({ lockCondition: true });
    expect((await clerk.session.ok('certificate.forFiling', { filingId: locked.id })).problems).toEqual([
      { key: 'cert.problem.lockingConditions', params: { n: 1 } },
    ]);
  });
});

describe('an issued certificate', () => {
  it('never changes: re-print gives the same bytes; the database refuses edits and deletes', async () => {
    const f = await approvedFiling();
    const cert = await issue(f.id);
    const first = await file('certificate', cert.id);
    t.clock.advance({ days: 30 });
    const again = await file('certificate', cert.id);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await expect(t.query('UPDATE certificates SET pdf = ? WHERE id = ?', Buffer.from([0]), cert.id)).rejects.toThrow(/never changes/);
    await expect(t.query("UPDATE certificates SET record_json = '{}' WHERE id = ?", cert.id)).rejects.toThrow(/never changes/);
    await expect(t.query("UPDATE certificates SET number = 'X' WHERE id = ?", cert.id)).rejects.toThrow(/never changes/);
    await expect(t.query('DELETE FROM certificates WHERE id = ?', cert.id)).rejects.toThrow(/never deleted/);
    // A second certificate with the same year and sequence cannot exist.
    await expect(
      t.query(
        "INSERT INTO certificates (number, year, seq, filing_id, record_json, record_hash, qr_text, verification_code, key_id, audit_head, issued_at, issued_by_name, pdf, status) SELECT number || 'x', year, seq, filing_id, record_json, record_hash, qr_text, verification_code || 'x', key_id, audit_head, issued_at, issued_by_name, pdf, 'revoked' FROM certificates WHERE id = ?",
        cert.id,
      ),
    ).rejects.toThrow(/UNIQUE|unique constraint/);
    // Only signed-in users get the file.
    expectError(await t.desk.files('certificate', String(cert.id), { connectionId: 'nobody', lang: 'en' }), 'UNAUTHENTICATED');
    const observer = await t.createUser('observer');
    expect((await file('certificate', cert.id, observer.session.connectionId)).length).toBe(first.length);
  });

  it('prints every field of the registered record and the audit chain head (pdf.js text layer)', async () => {
    const f = await approvedFiling({ decisions: { gh: 'notInvolved', yq: 'approveWithConditions' } });
    const cert = await issue(f.id);
    const [row] = await t.query<{ record_json: string; audit_head: string }>(
      'SELECT record_json, audit_head FROM certificates WHERE id = ?',
      cert.id,
    );
    const record = parseRecord(row!.record_json);
    expect(recordHash(row!.record_json)).toBe(cert.recordHash);
    const text = (await extractText(await file('certificate', cert.id))).join('').replace(/\s+/g, '');
    const has = (s: string) => expect(text, s).toContain(s.replace(/\s+/g, ''));
    for (const s of [
      record.number,
      record.titleZh,
      record.projectName,
      record.applicantName,
      record.creditCode,
      record.legalRepresentative,
      record.parkName,
      record.baseName,
      record.bay,
      record.routeSummary,
      record.issuer,
    ])
      has(s);
    expect(record.projectName).toBe(f.fields.project.name);
    const lists = [
      ...record.products.flatMap((p) => [p.name, p.cas]),
      ...record.processes,
      ...record.chemicals.flatMap((c) => [c.name, c.cas, quantity(c.maxInProcessT, 't'), quantity(c.maxStoredT, 't')]),
      ...record.conclusions.flatMap((c) => [c.unitName, c.decision, c.opinion]),
      ...record.openItems.flatMap((o) => [quotes(o.text), o.verifyingUnit, displayDate(o.dueDate)]),
      ...record.prohibitions,
    ];
    for (const s of lists.filter(Boolean)) has(s);
    has(quantity(record.scale.batchKg, 'kg'));
    has(quantity(record.scale.throughputTpa, 't/a'));
    has(quantity(record.scale.largestReactorM3, 'm³'));
    has(displayDate(record.runFrom));
    has(displayDate(record.runTo));
    has(displayDate(record.issueDate));
    expect(record.conclusions.length).toBe(5);
    // yq's condition (blocks 'hold') is open: listed, with the no-trial-run prohibition.
    expect(record.openItems).toEqual([expect.objectContaining({ text: 'yq condition', kind: '限制试运行' })]);
    has(cert.verificationCode);
    has(row!.audit_head);
  });
});

describe('verification (qr-1)', () => {
  it('decodes the 2-D code from the rendered page: valid; one changed character invalid; revoked after revoke', async () => {
    const f = await approvedFiling();
    const cert = await issue(f.id);
    const pdf = await file('certificate', cert.id);
    const pages = await renderPages(pdf, 2);
    const qr = decodeQr(pages[pages.length - 1]!);
    expect(qr).not.toBeNull();
    const v = await clerk.session.ok('certificate.verify', { text: qr! });
    expect(v).toMatchObject({
      result: 'valid',
      reason: 'ok',
      number: cert.number,
      filingNo: f.filingNo,
      projectName: f.fields.project.name,
      known: true,
    });

    // One character of the signed content changed (the number) → the signature fails.
    const forgedNumber = qr!.replace('〕1号', '〕7号');
    expect(await clerk.session.ok('certificate.verify', { text: forgedNumber })).toMatchObject({ result: 'invalid', reason: 'signature' });
    // One character of the registered record changed behind the desk's back → it no longer matches the code.
    const [row] = await t.query<{ record_json: string }>('SELECT record_json FROM certificates WHERE id = ?', cert.id);
    const tampered = row!.record_json.replace(f.fields.project.name, f.fields.project.name.slice(0, -1) + '厂');
    expect(tampered).not.toBe(row!.record_json);
    await dropTrigger(t.desk.services.store, 'certificates', 'certificates_immutable');
    await t.query('UPDATE certificates SET record_json = ? WHERE id = ?', tampered, cert.id);
    expect(await clerk.session.ok('certificate.verify', { text: qr! })).toMatchObject({ result: 'invalid', reason: 'recordMismatch' });
    await t.query('UPDATE certificates SET record_json = ? WHERE id = ?', row!.record_json, cert.id);
    expect((await clerk.session.ok('certificate.verify', { text: qr! })).result).toBe('valid');

    const revoked = await clerk.session.ok('certificate.revoke', { id: cert.id, reason: '隐瞒重大事故隐患' });
    expect(revoked).toMatchObject({ status: 'revoked', statusReason: '隐瞒重大事故隐患' });
    expect((await clerk.session.ok('filing.get', { id: f.id })).state).toBe('revoked');
    expect(await rv.yj.session.ok('certificate.verify', { text: qr! })).toMatchObject({ result: 'revoked', reason: 'revoked' });
    expect(await rv.yj.session.ok('certificate.verify', { code: cert.verificationCode.toLowerCase() })).toMatchObject({
      result: 'revoked',
    });
    expectError(await clerk.session.call('certificate.revoke', { id: cert.id, reason: 'again' }), 'CONFLICT');
  });

  it('by verification code and by PDF file; unknown codes, foreign desks and imported keys', async () => {
    const f = await approvedFiling();
    const cert = await issue(f.id);
    expect(
      await clerk.session.ok('certificate.verify', { code: ` ${cert.verificationCode.slice(0, 5)}-${cert.verificationCode.slice(5)} ` }),
    ).toMatchObject({ result: 'valid', number: cert.number });
    expect(await clerk.session.ok('certificate.verify', { code: 'ZZZZZZZZZZ' })).toMatchObject({
      result: 'invalid',
      reason: 'unknownCode',
    });
    const pdf = await file('certificate', cert.id);
    expect(await clerk.session.ok('certificate.verify', { pdfBase64: Buffer.from(pdf).toString('base64') })).toMatchObject({
      result: 'valid',
      number: cert.number,
    });
    // Any other PDF carries no code.
    expect(await clerk.session.ok('certificate.verify', { pdfBase64: demoPdfBase64('not a certificate') })).toMatchObject({
      result: 'invalid',
      reason: 'noCode',
    });
    expectError(await clerk.session.raw('certificate.verify', { text: 'a', code: 'b' }), 'INVALID');
    expectError(await t.anonymous().call('certificate.verify', { code: cert.verificationCode }), 'UNAUTHENTICATED');

    // Another desk's certificate: unknown until its key is imported, then valid (its status is the other desk's).
    const other = loadOrCreateKeys(`${t.dir}/other-desk`);
    const foreign = signCertificate(other, {
      number: '港城化中试备〔2026〕第0009号',
      recordHash: recordHash('{"x":1}'),
      issuedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(await clerk.session.ok('certificate.verify', { text: foreign.qrText })).toMatchObject({
      result: 'invalid',
      reason: 'unknownKey',
    });
    const admin = (await t.setupAdmin()).session;
    expectError(await clerk.session.call('certificate.importKey', { publicKeyPem: other.publicKeyPem, label: '港城' }), 'FORBIDDEN');
    expectError(await admin.call('certificate.importKey', { publicKeyPem: 'not a key', label: '港城' }), 'INVALID');
    const own = await clerk.session.ok('certificate.publicKey', {});
    expectError(await admin.call('certificate.importKey', { publicKeyPem: own.publicKeyPem, label: 'self' }), 'CONFLICT');
    expect(await admin.ok('certificate.importKey', { publicKeyPem: other.publicKeyPem, label: '港城' })).toMatchObject({
      keyId: other.keyId,
      own: false,
    });
    expect(await clerk.session.ok('certificate.verify', { text: foreign.qrText })).toMatchObject({
      result: 'valid',
      reason: 'foreignDesk',
      known: false,
      number: '港城化中试备〔2026〕第0009号',
    });
    expect((await clerk.session.ok('certificate.keys', {})).map((k) => k.own)).toEqual([true, false]);
  });

  it('re-issue: a new number pointing at the old one; the old verifies as superseded; suspension', async () => {
    const f = await approvedFiling();
    const cert = await issue(f.id);
    const other = await approvedFiling();
    await issue(other.id);
    const key = newKey('reissue');
    const next = await clerk.session.ok('certificate.reissue', { id: cert.id, reason: '试验期限延期后换发', idempotencyKey: key });
    expect(next).toMatchObject({
      seq: 3,
      number: '滨海化中试备〔2026〕3号',
      replacesId: cert.id,
      replacesNumber: cert.number,
      status: 'issued',
    });
    expect((await clerk.session.ok('certificate.reissue', { id: cert.id, reason: '试验期限延期后换发', idempotencyKey: key })).id).toBe(
      next.id,
    );
    expect(await clerk.session.ok('certificate.get', { id: cert.id })).toMatchObject({
      status: 'superseded',
      replacedById: next.id,
      replacedByNumber: next.number,
    });
    expect(await clerk.session.ok('certificate.verify', { code: cert.verificationCode })).toMatchObject({
      result: 'invalid',
      reason: 'superseded',
      replacedBy: next.number,
    });
    expect(await clerk.session.ok('certificate.verify', { code: next.verificationCode })).toMatchObject({ result: 'valid' });
    const text = (await extractText(await file('certificate', next.id))).join('');
    expect(text).toContain(cert.number);
    expectError(await clerk.session.call('certificate.reissue', { id: cert.id, reason: 'x', idempotencyKey: newKey() }), 'CONFLICT');

    // Breach escalation (follow-up area) goes through setCertificateStatus.
    const { setCertificateStatus } = await import('../../src/main/certificates/issue');
    const { write } = await import('../../src/main/services');
    const ctx = { services: t.desk.services, actor: null, now: t.clock(), lang: 'en' as const, connectionId: 'escalation' };
    await write(ctx, ({ trx }) => setCertificateStatus(trx, ctx, f.id, 'suspended', '逾期未补齐材料'));
    expect((await clerk.session.ok('filing.get', { id: f.id })).state).toBe('suspended');
    expect(await clerk.session.ok('certificate.verify', { code: next.verificationCode })).toMatchObject({ result: 'suspended' });
    await write(ctx, ({ trx }) => setCertificateStatus(trx, ctx, f.id, 'issued', '已补齐'));
    expect((await clerk.session.ok('filing.get', { id: f.id })).state).toBe('registered');
    const list = await clerk.session.ok('certificate.list', { query: f.filingNo, status: null, offset: 0, limit: 10 });
    expect(list.rows.map((r) => r.number)).toEqual([next.number, cert.number]);
    expect(
      (await clerk.session.ok('certificate.list', { query: '', status: 'superseded', offset: 0, limit: 10 })).rows.map((r) => r.id),
    ).toEqual([cert.id]);
  });
});

describe('notices (documents.notice)', () => {
  it('conditional acceptance (two copies), correction, not accepted and rejected', async () => {
    const conditional = await t.acceptedFiling({ conditional: true });
    const n = await clerk.session.ok('documents.notice', { filingId: conditional.id, kind: 'conditional' });
    const text = (await extractText(await file('notice', n.fileId))).join('');
    expect(text).toContain('容缺受理通知书');
    expect(text).toContain('第一联');
    expect(text).toContain('第二联');
    expect(text).toContain('应急预案');
    expectError(await clerk.session.call('documents.notice', { filingId: conditional.id, kind: 'rejected' }), 'CONFLICT');

    const submitted = await t.newSubmittedFiling();
    await clerk.session.ok('acceptance.decide', {
      filingId: submitted.id,
      version: submitted.version,
      decision: 'correction',
      reason: '',
      corrections: ['补充HAZOP分析报告'],
      deadlines: [],
      idempotencyKey: newKey(),
    });
    expect((await clerk.session.ok('certificate.forFiling', { filingId: submitted.id })).notices).toEqual(['correction']);
    const c = await clerk.session.ok('documents.notice', { filingId: submitted.id, kind: 'correction' });
    expect((await extractText(await file('notice', c.fileId))).join('')).toContain('补充HAZOP分析报告');

    const refused = await t.newSubmittedFiling();
    await clerk.session.ok('acceptance.decide', {
      filingId: refused.id,
      version: refused.version,
      decision: 'notAccepted',
      reason: '不在化工园区范围内',
      corrections: [],
      deadlines: [],
      idempotencyKey: newKey(),
    });
    const na = await clerk.session.ok('documents.notice', { filingId: refused.id, kind: 'notAccepted' });
    expect((await extractText(await file('notice', na.fileId))).join('')).toContain('不予受理通知书');

    const rejected = await approvedFiling({ decisions: { yj: 'reject' } });
    expect(rejected.state).toBe('rejected');
    const rj = await clerk.session.ok('documents.notice', { filingId: rejected.id, kind: 'rejected' });
    const rtext = (await extractText(await file('notice', rj.fileId))).join('');
    expect(rtext).toContain('不予通过通知书');
    expect(rtext).toContain('yj reject opinion');
  });
});
