import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestDesk, expectError, expectOk, newKey, type TestDesk, type TestUser } from '../helpers/desk';
import type { Input } from '../../src/shared/contract';
import { creditCodeWithCheck } from '../../src/shared/domain/identifiers';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { MAX_ATTACHMENT_BYTES } from '../../src/main/attachments';

/**
 * Issue 11: a problem's attachments follow the filings' upload rules (type by content, SHA-256, size limit), are
 * listed on the problem and served to whoever may read it — every signed-in account — and to no one signed out.
 */

let t: TestDesk;
let commissioner: TestUser;
let hb: TestUser;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e30000000049454e44ae426082',
  'hex',
);
const input = (attachments: Input<'problem.create'>['attachments']): Input<'problem.create'> => ({
  creditCode: creditCodeWithCheck('91320412MA1MXKJU6'),
  firmName: '常州新材科技有限公司',
  filingId: null,
  title: '中试车间 10kV 供电线路只能入地敷设',
  request: '请协调架空方案。',
  source: 'commissioner',
  category: 'utilities',
  attachments,
  idempotencyKey: newKey('problem'),
});

beforeEach(async () => {
  t = await createTestDesk();
  const admin = await t.setupAdmin();
  hb = await t.createUser('reviewer', 'hb');
  commissioner = await t.createUser('observer');
  await admin.session.ok('problem.setDepartment', { userId: commissioner.id, department: 'kjsw' });
});
afterEach(() => t.close());

describe('problem attachments', () => {
  it('stores them by content under their SHA-256, lists them on the problem and serves them to readers', async () => {
    const pdf = demoPdfBase64('供电公司答复函');
    const p = await commissioner.session.ok(
      'problem.create',
      input([
        { name: '供电公司答复函.pdf', contentBase64: pdf },
        { name: '现场照片.png', contentBase64: PNG.toString('base64') },
      ]),
    );
    expect(p.attachments.map((a) => [a.name, a.mime])).toEqual([
      ['供电公司答复函.pdf', 'application/pdf'],
      ['现场照片.png', 'image/png'],
    ]);
    const rows = await t.query<{ sha256: string; size: number }>('SELECT sha256, size FROM problem_attachments ORDER BY id');
    expect(rows[0]!.sha256).toBe(createHash('sha256').update(Buffer.from(pdf, 'base64')).digest('hex'));
    expect(Number(rows[1]!.size)).toBe(PNG.length);

    // A reviewer of a unit not involved may read the problem, so the file too; a signed-out caller may not.
    const file = expectOk(
      await t.desk.files('problem-attachment', String(p.attachments[1]!.id), { connectionId: hb.session.connectionId, lang: 'en' }),
    );
    expect(file.mime).toBe('image/png');
    expect(file.filename).toBe('现场照片.png');
    expect(Buffer.from(file.bytes).equals(PNG)).toBe(true);
    expectError(
      await t.desk.files('problem-attachment', String(p.attachments[0]!.id), { connectionId: 'nobody', lang: 'en' }),
      'UNAUTHENTICATED',
    );
    expectError(await t.desk.files('problem-attachment', '999999', { connectionId: hb.session.connectionId, lang: 'en' }), 'NOT_FOUND');
  });

  it('refuses a file that is not what it says, an empty one and one over the size limit, at the file’s field; nothing is entered', async () => {
    const fake = expectError(
      await commissioner.session.call(
        'problem.create',
        input([{ name: 'letter.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') }]),
      ),
      'INVALID',
    );
    expect(fake.fields?.['attachments.0']).toBeDefined();
    const empty = expectError(
      await commissioner.session.call(
        'problem.create',
        input([
          { name: 'a.pdf', contentBase64: demoPdfBase64('x') },
          { name: 'b.pdf', contentBase64: '' },
        ]),
      ),
      'INVALID',
    );
    expect(empty.fields?.['attachments.1']).toBeDefined();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const tooLarge = expectError(
      await commissioner.session.call('problem.create', input([{ name: 'big.pdf', contentBase64: big.toString('base64') }])),
      'INVALID',
    );
    expect(Object.keys(tooLarge.fields ?? {}).some((k) => k.startsWith('attachments.0'))).toBe(true);
    expect(await t.query('SELECT id FROM problems')).toEqual([]);
  });
});
