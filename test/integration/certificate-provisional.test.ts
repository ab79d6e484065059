import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvedFiling, type ReviewDesk, reviewDesk } from '../helpers/review-desk';
import { expectOk, newKey } from '../helpers/desk';
import { pdfText } from '../helpers/pdf-text';
import { isProvisionalDate } from '../../src/shared/domain/deadline';

/**
 * Issue 14 point 9: a due date in a year without the State Council's holiday notice is marked wherever it is printed,
 * the certificate too — fixed in the record when it is issued, so the issued file renders the same bytes later.
 */
let d: ReviewDesk;
beforeEach(async () => {
  d = await reviewDesk();
  // Mid-December: a conditional acceptance's papers fall due in January of the next, still provisional, year.
  d.t.clock.set('2026-12-14T02:00:00Z');
});
afterEach(() => d.t.close());

describe('provisional due dates on the certificate', () => {
  it('marks each open item due in a provisional year, and only those', async () => {
    const f = await approvedFiling(d, { conditional: true });
    const cert = await d.clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: newKey('issue') });
    const [row] = await d.t.query<{ record_json: string }>('SELECT record_json FROM certificates WHERE id = ?', cert.id);
    const items = (JSON.parse(row!.record_json) as { openItems: { dueDate: string; provisional?: boolean }[] }).openItems;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => isProvisionalDate(i.dueDate))).toBe(true);
    for (const i of items) expect(i.provisional === true, i.dueDate).toBe(isProvisionalDate(i.dueDate));

    const r = await d.t.desk.files('certificate', String(cert.id), { connectionId: d.clerk.session.connectionId, lang: 'zh-CN' });
    const text = pdfText(expectOk(r).bytes);
    const marked = items.filter((i) => i.provisional).length;
    expect(text.split('（暂定）前完成').length - 1).toBe(marked);
  });
});
