import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import { approvedFiling, issuedCertificate, reviewDesk } from '../helpers/review-desk';
import { dropTrigger, onPostgres } from '../helpers/store';
import type { UnitCode } from '../../src/shared/domain/units';
import { getCertificate, getPdf } from '../../src/main/db/certificates';
import { renderIssued } from '../../src/main/certificates/file';

/**
 * Issue 12 §7: the number, record and signature are taken in the issuing transaction; the PDF is rendered after it,
 * from the stored row alone, and written once. Same row → same bytes; a failed step after numbering loses nothing.
 */
let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => ({ t, rv, clerk } = await reviewDesk()));
afterEach(() => t.close());

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const served = async (id: number) =>
  expectOk(await t.desk.files('certificate', String(id), { connectionId: clerk.session.connectionId, lang: 'en' })).bytes;
const stored = (id: number) => getPdf(t.desk.services.store.db, id);
const issue = async (filingId: number) => {
  const f = await clerk.session.ok('filing.get', { id: filingId });
  return clerk.session.ok('certificate.issue', { filingId, version: f.version, idempotencyKey: newKey('issue') });
};

/** Plays the step after the commit failing (a full disk, a crash): the file cannot be written. */
async function refuseFiles(): Promise<void> {
  await t.query(
    onPostgres
      ? "CREATE TRIGGER certificate_files_planted BEFORE INSERT ON certificate_files FOR EACH ROW EXECUTE FUNCTION desk_refuse('disk full')"
      : "CREATE TRIGGER certificate_files_planted BEFORE INSERT ON certificate_files BEGIN SELECT RAISE(ABORT, 'disk full'); END",
  );
}

describe('the certificate PDF is rendered after the numbering transaction', () => {
  it('is deterministic: rendering the row again, later, gives the stored bytes and the same hash', async () => {
    const { cert, pdf } = await issuedCertificate({ t, rv, clerk });
    const row = (await getCertificate(t.desk.services.store.db, cert.id))!;
    const first = (await stored(cert.id))!;
    expect(same(first, pdf)).toBe(true);
    expect(cert.size).toBe(first.length);
    t.clock.advance({ days: 40 });
    const [a, b] = [await renderIssued(row), await renderIssued(row)];
    expect(same(a, first) && same(b, first)).toBe(true);
    expect(sha256(a)).toBe(sha256(first));
    // No clock and no random id inside: the document carries no creation or modification date, and no /ID.
    const text = Buffer.from(first).toString('latin1');
    expect(text).not.toMatch(/\/CreationDate|\/ModDate|\/ID\s*\[/);
    expect(await clerk.session.ok('certificate.verify', { pdfBase64: Buffer.from(pdf).toString('base64') })).toMatchObject({
      result: 'valid',
      file: 'issued',
    });
  });

  it('a failure after numbering leaves the certificate issued; the file renders later to the same bytes; numbers stay gapless', async () => {
    await refuseFiles();
    const f = await approvedFiling({ t, rv, clerk });
    const cert = await issue(f.id);
    expect(cert).toMatchObject({ seq: 1, status: 'issued', size: 0 });
    expect((await clerk.session.ok('filing.get', { id: f.id })).state).toBe('registered');
    expect(await stored(cert.id)).toBeNull();
    // Served all the same, rendered from the record; verification recognises it as the issued file.
    const whileFailing = await served(cert.id);
    expect(await stored(cert.id)).toBeNull();
    expect(await clerk.session.ok('certificate.verify', { pdfBase64: Buffer.from(whileFailing).toString('base64') })).toMatchObject({
      result: 'valid',
      file: 'issued',
    });

    await dropTrigger(t.desk.services.store, 'certificate_files', 'certificate_files_planted');
    const later = await served(cert.id);
    expect(same(later, whileFailing)).toBe(true);
    expect(same((await stored(cert.id))!, whileFailing)).toBe(true);
    expect((await clerk.session.ok('certificate.get', { id: cert.id })).size).toBe(later.length);
    // The next certificate takes the next number: nothing was taken and lost.
    const next = await issue((await approvedFiling({ t, rv, clerk })).id);
    expect(next.seq).toBe(2);
  });

  it('a repeated issue (same key) or render changes nothing; the stored file is never updated or deleted', async () => {
    const f = await approvedFiling({ t, rv, clerk });
    const key = newKey('issue');
    const first = await clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: key });
    const pdf = (await stored(first.id))!;
    const again = await clerk.session.ok('certificate.issue', { filingId: f.id, version: f.version, idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(same((await stored(first.id))!, pdf)).toBe(true);
    expect(same(await served(first.id), pdf)).toBe(true);
    await expect(t.query('UPDATE certificate_files SET pdf = ? WHERE certificate_id = ?', Buffer.from('%PDF-x'), first.id)).rejects.toThrow(
      /never changes/,
    );
    await expect(t.query('DELETE FROM certificate_files WHERE certificate_id = ?', first.id)).rejects.toThrow(/never deleted/);
    // The certificate row no longer carries the file: the one home is certificate_files.
    expect((await t.query<{ n: number }>('SELECT length(pdf) AS n FROM certificates WHERE id = ?', first.id))[0]!.n).toBe(0);
    expectError(await t.desk.files('certificate', '999', { connectionId: clerk.session.connectionId, lang: 'en' }), 'NOT_FOUND');
  });
});
