import { existsSync, mkdirSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPath, STAGING_DIR } from '../../src/main/attachments';
import { STAGING_GRACE_MS, sweepAttachments } from '../../src/main/attachment-sweep';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import { emptyFilingFields } from '../../src/shared/schemas/filing';
import { createTestDesk, expectError, newKey, type Session, type TestDesk } from '../helpers/desk';

/** Every regular file under attachments/, staging included: what a failed upload must not add to. */
function filesOnDisk(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

let t: TestDesk;
let clerk: Session;

beforeAll(async () => {
  t = await createTestDesk();
  await t.setupAdmin();
  clerk = (await t.clerk()).session;
});
afterAll(() => t.close());

describe('uploads leave no file without its row (8: orphan files)', () => {
  it('a STALE upload leaves no file on disk', async () => {
    let f = await clerk.ok('filing.create', { fields: emptyFilingFields() });
    const stale = f.version;
    f = await clerk.ok('material.attach', {
      filingId: f.id,
      version: f.version,
      code: 'hazop',
      file: { name: 'a.pdf', contentBase64: demoPdfBase64('one') },
    });
    const before = filesOnDisk(t.dir);
    expect(before).toHaveLength(1);
    expect(before[0]).toBe(attachmentPath(t.dir, f.materials.find((m) => m.code === 'hazop')!.attachments[0]!.sha256));
    const file = { name: 'b.pdf', contentBase64: demoPdfBase64('stale upload') };
    expectError(await clerk.call('material.attach', { filingId: f.id, version: stale, code: 'eia', file }), 'STALE');
    expect(filesOnDisk(t.dir)).toEqual(before);
  });

  it('a failing upload (unknown filing, a closure report for a filing never registered, a later file refused) leaves no file on disk', async () => {
    const before = filesOnDisk(t.dir);
    const file = { name: 'c.pdf', contentBase64: demoPdfBase64('failing upload') };
    expectError(await clerk.call('material.attach', { filingId: 987654, version: 1, code: 'eia', file }), 'NOT_FOUND');
    const submitted = await t.newSubmittedFiling();
    expect(filesOnDisk(t.dir).length).toBeGreaterThan(before.length);
    const afterSubmit = filesOnDisk(t.dir);
    const closed = await clerk.call('followup.close', { filingId: submitted.id, version: submitted.version, how: 'sealed', report: file });
    expect(closed.ok).toBe(false);
    expect(filesOnDisk(t.dir)).toEqual(afterSubmit);
    // The first file is valid and staged before the second is refused: it must go too.
    const exe = Buffer.from('MZ\x90\x00 not a document').toString('base64');
    const refused = await clerk.raw('problem.create', {
      creditCode: '91320400MA1XXXXXX0',
      firmName: '常州新材科技有限公司',
      filingId: null,
      title: '供电线路',
      request: '请协调。',
      source: 'commissioner',
      category: 'utilities',
      attachments: [file, { name: 'x.pdf', contentBase64: exe }],
      idempotencyKey: newKey('orphan'),
    });
    expect(refused.ok).toBe(false);
    expect(filesOnDisk(t.dir)).toEqual(afterSubmit);
  });

  it('the start-up sweep removes orphans, keeps young staged bytes, and places staged bytes a committed row refers to', async () => {
    const kept = filesOnDisk(t.dir);
    const root = join(t.dir, 'attachments');
    const staging = join(root, STAGING_DIR);
    mkdirSync(join(root, 'ab'), { recursive: true });
    mkdirSync(staging, { recursive: true });
    // Left by the old order (bytes before the row): a placed file no row refers to, and a half-written temp file.
    const orphan = join(root, 'ab', 'ab'.padEnd(64, '0'));
    writeFileSync(orphan, 'orphan');
    writeFileSync(`${orphan}.4242.tmp`, 'torn');
    const old = join(staging, `${'cd'.padEnd(64, '1')}.dead`);
    writeFileSync(old, 'abandoned');
    const past = (Date.now() - STAGING_GRACE_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    // Possibly an upload in flight on another desk sharing the folder: too young to remove.
    const young = join(staging, `${'ef'.padEnd(64, '2')}.live`);
    writeFileSync(young, 'in flight');
    // A crash after the row committed and before the move: the bytes wait in staging.
    const committed = kept[0]!;
    const sha = committed.split(/[\\/]/).pop()!;
    renameSync(committed, join(staging, `${sha}.crash`));

    const report = await sweepAttachments(t.desk.services.store);
    expect(report).toEqual({ placed: 1, removed: 3 });
    expect(filesOnDisk(t.dir)).toEqual([...kept, young].sort());
  });
});
