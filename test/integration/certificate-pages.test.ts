import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { createTestDesk, expectError, expectOk, newKey, type TestDesk } from '../helpers/desk';
import { renderPages, type RenderedPage } from '../helpers/pdf-render';
import { parseRecord } from '../../src/main/certificates/record';
import { sqliteHandle } from '../../src/main/db/store';

/**
 * Issue 15 §3 and §5 on every demo certificate, as issued by the demo stage: the 2-D code decodes with jsQR from a
 * 150 dpi and a 100 dpi render, and a typical certificate (≤ 3 chemicals, ≤ 2 conditions, up to 3 open items) is one
 * A4 page.
 */
let t: TestDesk;
let certs: { id: number; number: string; chemicals: number; open: number; pdf: Uint8Array }[] = [];

beforeAll(async () => {
  t = await createTestDesk();
  expectOk(await t.anonymous().call('demo.load', {}));
  const clerk = await t.session('clerk', 'demo-2026-desk');
  const rows = sqliteHandle(t.desk.services.store).prepare('SELECT id, number, record_json FROM certificates ORDER BY id').all() as {
    id: number;
    number: string;
    record_json: string;
  }[];
  certs = [];
  for (const r of rows) {
    const file = expectOk(await t.desk.files('certificate', String(r.id), { connectionId: clerk.connectionId, lang: 'en' }));
    const record = parseRecord(r.record_json);
    certs.push({ id: r.id, number: r.number, chemicals: record.chemicals.length, open: record.openItems.length, pdf: file.bytes });
  }
}, 240_000);
afterAll(() => t.close());

const decode = (page: RenderedPage) => jsQR(page.rgba, page.width, page.height)?.data ?? null;

describe('every demo certificate', () => {
  it('has certificates to look at', () => {
    expect(certs.length).toBeGreaterThanOrEqual(5);
  });

  it('a typical one (≤ 3 chemicals, ≤ 2 conditions, up to 3 open items) fits one A4 page', async () => {
    const typical = certs.filter((c) => c.chemicals <= 3 && c.open <= 3);
    expect(typical.length).toBeGreaterThanOrEqual(3);
    // Three open items among them: two missing papers and a condition, the most a typical filing carries.
    expect(typical.some((c) => c.open === 3)).toBe(true);
    for (const c of typical) expect((await renderPages(c.pdf, 0.2)).length, c.number).toBe(1);
  });

  it('the larger pilot (every demo chemical) continues on a second page: the long example the E2E run renders', async () => {
    const long = certs.filter((c) => c.chemicals > 3);
    expect(long.length).toBeGreaterThanOrEqual(1);
    for (const c of long) expect((await renderPages(c.pdf, 0.2)).length, c.number).toBeGreaterThanOrEqual(2);
  });

  it('the 2-D code decodes from a 150 dpi and a 100 dpi render', async () => {
    for (const c of certs) {
      for (const dpi of [150, 100]) {
        const pages = await renderPages(c.pdf, dpi / 72);
        expect(decode(pages[pages.length - 1]!), `${c.number} at ${dpi} dpi`).toMatch(/^PDC/);
      }
    }
  }, 120_000);
});

describe('the register and closed pilots (issue 15 §13)', () => {
  it('a closed pilot’s certificate reads no longer in force (closed); it cannot be revoked', async () => {
    const clerk = await t.session('clerk', 'demo-2026-desk');
    const { rows } = await clerk.ok('certificate.list', { query: '', status: null, offset: 0, limit: 100 });
    const closed = rows.filter((r) => r.closed);
    expect(closed.length).toBeGreaterThanOrEqual(1);
    for (const c of closed) {
      expect(c.status).toBe('issued');
      expect((await clerk.ok('filing.get', { id: c.filingId })).state).toBe('closed');
      expectError(await clerk.call('certificate.revoke', { id: c.id, reason: '误操作' }), 'CONFLICT');
      expectError(await clerk.call('certificate.reissue', { id: c.id, reason: '误操作', idempotencyKey: newKey() }), 'CONFLICT');
      expect(await clerk.ok('certificate.verify', { code: c.verificationCode, number: c.number })).toMatchObject({
        result: 'invalid',
        reason: 'closed',
        status: { status: 'closed' },
      });
    }
    // Certificates of pilots still running are not marked.
    expect(rows.filter((r) => r.status === 'issued' && !r.closed).length).toBeGreaterThanOrEqual(1);
  });
});
