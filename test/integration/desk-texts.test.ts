import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDesk, decisionInput, reviewersByUnit, type TestDesk, type TestUser } from '../helpers/desk';
import type { FilingView } from '../../src/shared/contract/filings';
import type { Lang } from '../../src/shared/i18n';
import { isStoredMessage } from '../../src/shared/i18n/stored';

/**
 * Issue 14 point 12: texts the desk composes itself (a missing paper's tracked-item title, an escalation's reason) are
 * stored as a message key with its parameters and reach each reader in their own language, through dispatch. Rows
 * written before as Chinese prose are shown as they are.
 */
let t: TestDesk;
let clerk: TestUser;
beforeEach(async () => {
  t = await createTestDesk({ now: '2026-09-07T02:00:00Z', lang: 'en' });
  clerk = await t.clerk();
});
afterEach(() => t.close());

/** The same call on the clerk's own session, read in the given language (the screen's language travels with each call). */
async function getAs(lang: Lang, id: number): Promise<FilingView> {
  const r = await t.dispatch('filing.get', { id }, { connectionId: clerk.session.connectionId, lang });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as FilingView;
}

describe('texts the desk writes itself', () => {
  it('a missing paper’s title is stored as a key and read in English or Chinese', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const stored = await t.query<{ text: string }>('SELECT text FROM tracked_items WHERE filing_id = ? ORDER BY id', view.id);
    expect(stored.length).toBe(2);
    expect(stored.every((r) => isStoredMessage(r.text))).toBe(true);
    const en = (await getAs('en', view.id)).trackedItems.map((i) => i.text);
    const zh = (await getAs('zh-CN', view.id)).trackedItems.map((i) => i.text);
    expect(en).toEqual([expect.stringMatching(/^Supply "[A-Za-z]/), expect.stringMatching(/^Supply "[A-Za-z]/)]);
    expect(zh).toEqual([expect.stringMatching(/^补交「/), expect.stringMatching(/^补交「/)]);
    expect(en.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('an escalation’s reason on the items it retired reads in the reader’s language', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    t.clock.set('2026-09-21T02:00:00Z');
    await clerk.session.ok('followup.sweep', { filingId: null });
    const en = await getAs('en', view.id);
    expect(en.state).toBe('terminated');
    expect(en.trackedItems.map((i) => i.note)).toEqual(en.trackedItems.map(() => 'Tracked items overdue: 1, the earliest due 2026-09-20'));
    const zh = await getAs('zh-CN', view.id);
    expect(zh.trackedItems[0]!.note).toBe('容缺/附条件事项逾期未履行：1 项，最早期限 2026-09-20');
  });

  it('a condition withdrawn by a changed decision says so in the reader’s language', async () => {
    const gh = (await reviewersByUnit(t)).gh.session;
    const filing = await t.acceptedFiling();
    let view = await gh.ok('review.get', { filingId: filing.id });
    const condition = { text: '完成规划核实', verifyingUnit: 'gh' as const, dueDays: 10, blocks: 'hold' as const };
    view = await gh.ok('review.decide', decisionInput(view, 'gh', 'approveWithConditions', { conditions: [condition] }));
    view = await gh.ok('review.decide', decisionInput(view, 'gh', 'approve'));
    const latest = view.sections.find((s) => s.section === 'gh')!.current!;
    const note = (lang: Lang) => getAs(lang, filing.id).then((f) => f.trackedItems.find((i) => i.kind === 'condition')!.note);
    expect(await note('en')).toBe(`Replaced by decision ${latest.id} in the same round`);
    expect(await note('zh-CN')).toBe(`已被同一轮中的新意见（第 ${latest.id} 号）取代`);
  });

  it('a row written before as Chinese prose is shown as it is, in either language', async () => {
    const view = await t.acceptedFiling({ conditional: true });
    const [first] = await t.query<{ id: number }>('SELECT id FROM tracked_items WHERE filing_id = ? ORDER BY id LIMIT 1', view.id);
    await t.query('UPDATE tracked_items SET text = ? WHERE id = ?', '补交「中试装置应急预案」', first!.id);
    const items = (await getAs('en', view.id)).trackedItems;
    expect(items.find((i) => i.id === Number(first!.id))!.text).toBe('补交「中试装置应急预案」');
    expect(items.find((i) => i.id !== Number(first!.id))!.text).toMatch(/^Supply "/);
  });
});
