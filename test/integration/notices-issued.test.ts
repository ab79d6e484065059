/**
 * Every notice the desk issues is a PDF kept with the filing as issued (domain §5, §6; issue 14 point 8): stored once
 * after the decision that produces it, listed with its date, served as stored — the correction notice stays on file
 * after the applicant resubmits — and the one-time supplement notice lists everything every unit asked for at once,
 * the reviewers' checklist notes included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
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
import { extractText } from '../helpers/pdf-render';
import type { UnitCode } from '../../src/shared/domain/units';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  rv = await reviewersByUnit(t);
  clerk = await t.clerk();
});
afterEach(() => t.close());

const file = async (id: string | number) =>
  expectOk(await t.desk.files('notice', String(id), { connectionId: clerk.session.connectionId, lang: 'en' })).bytes;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
// Whitespace is layout, not content: a line break may fall anywhere in a long item.
const text = async (b: Uint8Array) => (await extractText(b)).join('').replace(/\s+/g, '');
const count = async (filingId: number) =>
  (await t.query<{ n: number }>('SELECT count(*) AS n FROM issued_notices WHERE filing_id = ?', filingId))[0]!.n;

describe('issued notices', () => {
  it('the correction notice is stored once when decided and stays available, unchanged, after resubmission', async () => {
    const submitted = await t.newSubmittedFiling();
    const decided = await clerk.session.ok('acceptance.decide', {
      filingId: submitted.id,
      version: submitted.version,
      decision: 'correction',
      reason: '申请表法定代表人签字缺失',
      corrections: ['补充HAZOP分析报告', '补充反应安全风险评估报告'],
      deadlines: [],
      idempotencyKey: newKey(),
    });
    // Stored by the decision itself, before anyone asked for it.
    expect(await count(submitted.id)).toBe(1);
    const listed = await clerk.session.ok('certificate.forFiling', { filingId: submitted.id });
    expect(listed.issuedNotices).toEqual([
      {
        id: expect.any(Number),
        kind: 'correction',
        decidedAt: decided.acceptance!.decidedAt,
        issuedAt: expect.any(String),
        filename: expect.stringContaining(submitted.filingNo),
      },
    ]);
    const n = await clerk.session.ok('documents.notice', { filingId: submitted.id, kind: 'correction' });
    const issued = await file(n.fileId);
    const body = await text(issued);
    for (const asked of ['补正材料一次性告知书', '补充HAZOP分析报告', '补充反应安全风险评估报告', '申请表法定代表人签字缺失'])
      expect(body).toContain(asked);

    // The applicant corrects the record and resubmits: the notice stays on file, byte for byte.
    const f = await clerk.session.ok('filing.get', { id: submitted.id });
    t.clock.advance({ days: 3 });
    const resubmitted = await clerk.session.ok('filing.submit', { id: f.id, version: f.version });
    expect(resubmitted.state).toBe('submitted');
    const again = await clerk.session.ok('documents.notice', { filingId: submitted.id, kind: 'correction' });
    expect(again).toEqual(n);
    expect(sha(await file(again.fileId))).toBe(sha(issued));
    expect((await clerk.session.ok('certificate.forFiling', { filingId: submitted.id })).issuedNotices).toEqual(listed.issuedNotices);
    expect(await count(submitted.id)).toBe(1);

    // Issued means immutable: the store refuses to change or delete it.
    await expect(t.query("UPDATE issued_notices SET filename = 'x.pdf' WHERE filing_id = ?", submitted.id)).rejects.toThrow(
      /never changes/,
    );
    await expect(t.query('DELETE FROM issued_notices WHERE filing_id = ?', submitted.id)).rejects.toThrow(/never deleted/);
    // A kind the filing's decisions never produced is still refused.
    expectError(await clerk.session.call('documents.notice', { filingId: submitted.id, kind: 'rejected' }), 'CONFLICT');
  });

  it('a round that ends in revise issues the one-time supplement notice with every request and checklist note', async () => {
    const accepted = await t.acceptedFiling();
    let view = await clerk.session.ok('review.get', { filingId: accepted.id });
    const decide = async (u: UnitCode, d: Parameters<typeof decisionInput>[2], opts: Parameters<typeof decisionInput>[3] = {}) =>
      (view = await rv[u].session.ok('review.decide', decisionInput(view, u, d, opts)));
    await decide('yj', 'revise', { failed: ['hazop'], opinion: '补充HAZOP分析闭环记录' });
    await decide('hb', 'revise', { failed: ['eia'], opinion: '补充环评批复' });
    await decide('gh', 'approveWithConditions', { failed: [] });
    await decide('sp', 'approve');
    expect(await count(accepted.id)).toBe(0);
    await decide('yq', 'approve');
    expect(view.state).toBe('supplement_requested');
    // On screen, the request carries the notes too.
    expect(view.supplementRequest).toEqual([
      { section: 'yj', opinion: '补充HAZOP分析闭环记录', failedItems: ['hazop'], notes: { hazop: 'fix hazop' } },
      { section: 'hb', opinion: '补充环评批复', failedItems: ['eia'], notes: { eia: 'fix eia' } },
    ]);
    expect(await count(accepted.id)).toBe(1);

    const n = await clerk.session.ok('documents.notice', { filingId: accepted.id, kind: 'supplement' });
    expect(n.filename).toContain('一次性补正告知书');
    const body = await text(await file(n.fileId));
    for (const asked of [
      '一次性补正告知书',
      '应急管理局',
      '补充HAZOP分析闭环记录',
      'HAZOP分析闭环：fix hazop',
      '生态环境分局',
      '补充环评批复',
      '环评类别及文件状态：fix eia',
    ])
      expect(body).toContain(asked.replace(/\s+/g, ''));

    // The applicant supplies; the next round opens and the notice stays on file.
    const r = await clerk.session.ok('review.get', { filingId: accepted.id });
    await clerk.session.ok('review.recordSupplement', {
      filingId: accepted.id,
      version: r.filingVersion,
      note: '已补齐',
      idempotencyKey: newKey(),
    });
    expect((await clerk.session.ok('documents.notice', { filingId: accepted.id, kind: 'supplement' })).fileId).toBe(n.fileId);
    const listed = await clerk.session.ok('certificate.forFiling', { filingId: accepted.id });
    expect(listed.issuedNotices.map((x) => x.kind)).toEqual(['supplement']);
    expect(listed.notices).toEqual(['supplement']);
  });
});
