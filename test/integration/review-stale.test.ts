import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, expectError, newKey, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import { demoPdfBase64 } from '../../src/main/demo/plan';
import type { UnitCode } from '../../src/shared/domain/units';
import type { ReviewView } from '../../src/shared/contract/review';

let t: TestDesk;
let rv: Record<UnitCode, TestUser>;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk();
  rv = await reviewersByUnit(t);
  clerk = await t.clerk();
});
afterEach(() => t.close());

const count = async (sql: string, ...args: unknown[]) => (await t.query<{ n: number }>(sql, ...args))[0]!.n;
const get = (filingId: number) => clerk.session.ok('review.get', { filingId });
const staleSections = (v: ReviewView) => v.sections.filter((s) => s.current?.stale).map((s) => s.section);

async function decideAll(view: ReviewView, units: UnitCode[]) {
  for (const u of units) view = await rv[u].session.ok('review.decide', decisionInput(view, u, 'approve'));
  return view;
}

describe('decisions are bound to what they saw', () => {
  it('a changed material makes exactly the decisions that covered it stale, and the diff names it', async () => {
    const filing = await t.acceptedFiling();
    let view = await decideAll(await get(filing.id), ['yj', 'hb', 'gh', 'sp']);
    const signedVersion = view.sections.find((s) => s.section === 'gh')!.current!.filingVersion;
    // The layout drawing is checked by gh (and sp checks every paper); yj and hb did not cover it.
    const f = await clerk.session.ok('filing.get', { id: filing.id });
    const oldHash = f.materials.find((m) => m.code === 'layout')!.attachments[0]!.sha256;
    const changed = await clerk.session.ok('material.attach', {
      filingId: filing.id,
      version: f.version,
      code: 'layout',
      file: { name: 'layout-v2.pdf', contentBase64: demoPdfBase64('layout v2') },
    });
    const newHash = changed.materials.find((m) => m.code === 'layout')!.attachments[1]!.sha256;
    view = await get(filing.id);
    expect(staleSections(view)).toEqual(['gh', 'sp']);

    const diff = await rv.gh.session.ok('review.diff', { filingId: filing.id, section: 'gh' });
    expect(diff).toMatchObject({ signedVersion, currentVersion: changed.version });
    // Facts list attachment hashes sorted, so the diff is by position in that order.
    const path = 'materials.layout.attachmentHashes';
    expect(diff.changes).toEqual(
      newHash > oldHash
        ? [{ path: `${path}.1`, before: undefined, after: newHash }]
        : [
            { path: `${path}.0`, before: oldHash, after: newHash },
            { path: `${path}.1`, before: undefined, after: oldHash },
          ],
    );
    // In words: the paper's name and the file added, never its storage path or hash.
    expect(diff.described).toEqual([
      expect.objectContaining({
        kind: 'paper',
        path: 'materials.layout',
        nameZh: expect.stringMatching(/布置/),
        added: ['layout-v2.pdf'],
        removed: [],
      }),
    ]);
    expect(JSON.stringify(diff.described)).not.toContain(newHash);
    expect((await rv.yj.session.ok('review.diff', { filingId: filing.id, section: 'yj' })).changes).toEqual([]);
    expect(await rv.yq.session.ok('review.diff', { filingId: filing.id, section: 'yq' })).toEqual({
      signedVersion: null,
      currentVersion: changed.version,
      changes: [],
      described: [],
    });

    // The inbox shows the stale section to its reviewer; the list's unit filter finds it too.
    const ghInbox = await rv.gh.session.ok('review.inbox', {});
    expect(ghInbox).toEqual([expect.objectContaining({ filingId: filing.id, sections: ['gh'], staleSections: ['gh'] })]);
    expect(await rv.yj.session.ok('review.inbox', {})).toEqual([]);
    const all = await clerk.session.ok('review.inbox', {});
    expect(all[0]).toMatchObject({ sections: ['gh', 'sp', 'yq'], staleSections: ['gh', 'sp'] });

    // The last pending unit deciding does not close the round while stale decisions remain.
    view = await rv.yq.session.ok('review.decide', decisionInput(view, 'yq', 'approve'));
    expect(view.state).toBe('in_review');
    view = await decideAll(view, ['gh']);
    expect(view.state).toBe('in_review');
    view = await decideAll(view, ['sp']);
    expect(view.state).toBe('approved');
    expect(view.sections.find((s) => s.section === 'gh')!.history.map((d) => d.stale)).toEqual([true, false]);
  });

  it('a change to the record itself makes every signed decision stale; the diff shows old beside new', async () => {
    const filing = await t.acceptedFiling();
    let view = await decideAll(await get(filing.id), ['yj', 'hb']);
    const f = await clerk.session.ok('filing.get', { id: filing.id });
    const fields = structuredClone(f.fields);
    fields.project.chemicals[0]!.maxStoredT = 9.5;
    const before = f.fields.project.chemicals[0]!.maxStoredT;
    await clerk.session.ok('filing.update', { id: filing.id, version: f.version, fields });
    view = await get(filing.id);
    expect(staleSections(view)).toEqual(['yj', 'hb']);
    const diff = await rv.hb.session.ok('review.diff', { filingId: filing.id, section: 'hb' });
    expect(diff.changes).toEqual([{ path: 'project.chemicals.0.maxStoredT', before, after: 9.5 }]);
    expect(diff.described).toEqual([
      {
        kind: 'field',
        path: 'project.chemicals.0.maxStoredT',
        label: [{ key: 'ff.project.chemicals' }, { key: 'rv.diff.row', params: { n: 1 } }, { key: 'ff.chemicals.maxStoredT' }],
        before,
        after: 9.5,
      },
    ]);
  });

  it('a decision on an older version answers STALE with the current review', async () => {
    const filing = await t.acceptedFiling();
    const old = await get(filing.id);
    await rv.hb.session.ok('review.decide', decisionInput(old, 'hb', 'approve'));
    const error = expectError(await rv.yj.session.call('review.decide', decisionInput(old, 'yj', 'approve')), 'STALE');
    const current = error.current as ReviewView;
    expect(current.filingVersion).toBe(old.filingVersion + 1);
    expect(current.sections.find((s) => s.section === 'hb')!.current?.decision).toBe('approve');
    expect(await count("SELECT count(*) AS n FROM decisions WHERE section = 'yj'")).toBe(0);
  });
});

describe('idempotency and races', () => {
  it('a retry with the same idempotency key returns the same result and records one decision (crash-3)', async () => {
    const filing = await t.acceptedFiling();
    const input = decisionInput(await get(filing.id), 'yj', 'approveWithConditions', { key: newKey('retry') });
    const first = await rv.yj.session.ok('review.decide', input);
    const again = await rv.yj.session.ok('review.decide', input);
    expect(again).toEqual(first);
    // Concurrent duplicates (a client retrying while the first is still in flight) are one decision too.
    const input2 = decisionInput(first, 'hb', 'approve', { key: newKey('dup') });
    const results = await Promise.all([rv.hb.session.call('review.decide', input2), rv.hb.session.call('review.decide', input2)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await count('SELECT count(*) AS n FROM decisions')).toBe(2);
    expect(await count("SELECT count(*) AS n FROM tracked_items WHERE kind = 'condition'")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'review.decide' AND outcome = 'ok'")).toBe(2);
    // The same key from someone else is not a retry.
    expectError(
      await rv.gh.session.call('review.decide', { ...decisionInput(first, 'gh', 'approve'), idempotencyKey: input.idempotencyKey }),
      'CONFLICT',
    );
  });

  it('two reviewers of one unit deciding at once on the same version: one succeeds, the other gets STALE (occ-1)', async () => {
    const second = await t.createUser('reviewer', 'yj');
    const filing = await t.acceptedFiling();
    const view = await get(filing.id);
    const results = await Promise.all([
      rv.yj.session.call('review.decide', decisionInput(view, 'yj', 'approve')),
      second.session.call('review.decide', decisionInput(view, 'yj', 'revise')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(!loser.ok && loser.error.code).toBe('STALE');
    expect(await count("SELECT count(*) AS n FROM decisions WHERE section = 'yj'")).toBe(1);
    const current = await get(filing.id);
    expect(current.filingVersion).toBe(view.filingVersion + 1);
    expect(!loser.ok && (loser.error.current as ReviewView).filingVersion).toBe(current.filingVersion);
  });

  it('the supplement is idempotent too, and the clock pause is recorded once', async () => {
    const filing = await t.acceptedFiling();
    let view = await get(filing.id);
    for (const u of ['yj', 'hb', 'gh', 'sp', 'yq'] as const)
      view = await rv[u].session.ok('review.decide', decisionInput(view, u, u === 'hb' ? 'revise' : 'approve'));
    expect(view.state).toBe('supplement_requested');
    const input = { filingId: filing.id, version: view.filingVersion, note: '补充', idempotencyKey: newKey('supply') };
    const a = await clerk.session.ok('review.recordSupplement', input);
    const b = await clerk.session.ok('review.recordSupplement', input);
    expect(b).toEqual(a);
    expect(a.rounds.map((r) => r.number)).toEqual([1, 2]);
    expect(a.rounds[1]!.units).toEqual(['hb']);
    expect(await count('SELECT count(*) AS n FROM clock_pauses WHERE ended_at IS NOT NULL')).toBe(1);
    expectError(await rv.hb.session.call('review.recordSupplement', { ...input, idempotencyKey: newKey('x') }), 'FORBIDDEN');
  });
});
