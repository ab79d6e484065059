/**
 * The filings list says exactly how many filings match, on both stores and on every search path: unfiltered, a
 * text search of three or more characters (few matches and a dense match set), a one- or two-character search, and
 * any of them with filters. Before, anything past 500 matches said "500+".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, listInput, type TestDesk } from '../helpers/desk';
import type { Input } from '../../src/shared/contract';

const MANY = 2_050; // past the 2,000 matches where the search switches to walking an index
let t: TestDesk;
let clerk: Awaited<ReturnType<TestDesk['clerk']>>;

beforeAll(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
  // Summary rows written straight into the store: the handlers would take minutes for two thousand filings.
  const at = '2026-03-02T02:00:00.000Z';
  for (let from = 0; from < MANY; from += 200) {
    const rows = Array.from({ length: Math.min(200, MANY - from) }, (_, k) => from + k);
    await t.query(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ...rows.flatMap((i) => [
        `T-2026-${String(i).padStart(5, '0')}`,
        i % 2 ? 'draft' : 'submitted',
        `计数化工有限公司${i}`,
        `91320000MA${String(i).padStart(8, '0')}`,
        i % 3 ? `中试装置${i}` : `溶剂回收中试${i}`,
        i % 2 ? 'binhai' : 'gangcheng',
        at,
        at,
      ]),
    );
  }
}, 300_000);
afterAll(() => t.close());

const total = async (over: Partial<Input<'filing.list'>>) => (await clerk.session.ok('filing.list', listInput(over))).total;
const thirds = Math.ceil(MANY / 3);
const odd = Math.floor(MANY / 2);

describe('exact list totals', () => {
  it('counts the unfiltered list and a dense three-character search exactly', async () => {
    const all = (await t.query<{ n: number }>('SELECT COUNT(*) AS n FROM filings'))[0]!.n;
    expect(Number(all)).toBeGreaterThanOrEqual(MANY);
    expect(await total({})).toBe(Number(all));
    expect(await total({ query: '计数化工' })).toBe(MANY);
  });

  it('counts a sparse search, a two-character search and filtered searches exactly', async () => {
    expect(await total({ query: '溶剂回收' })).toBe(thirds);
    expect(await total({ query: '计数' })).toBe(MANY);
    expect(await total({ query: '计数化工', states: ['draft'] })).toBe(odd);
    expect(await total({ query: '计数', parkId: 'binhai' })).toBe(odd);
    expect(await total({ query: '计数化工', states: ['draft', 'submitted'], parkId: 'gangcheng' })).toBe(MANY - odd);
    expect(await total({ query: '计数化工', states: ['submitted'], parkId: 'binhai' })).toBe(0);
    const page = await clerk.session.ok('filing.list', listInput({ query: '计数化工', states: ['draft'], limit: 100 }));
    expect(page.rows).toHaveLength(100);
    expect(page.rows.every((r) => r.state === 'draft' && r.parkId === 'binhai')).toBe(true);
    expect(await total({ query: '溶剂回收', states: ['submitted'] })).toBe(
      Array.from({ length: MANY }, (_, i) => i).filter((i) => i % 3 === 0 && i % 2 === 0).length,
    );
    // The last page of a long list is reachable: paging goes past where "500+" used to stop.
    const last = await clerk.session.ok(
      'filing.list',
      listInput({ query: '计数化工', offset: MANY - 10, limit: 50, sort: 'filingNo', dir: 'asc' }),
    );
    expect(last.rows).toHaveLength(10);
    expect(last.rows.at(-1)!.filingNo).toBe(`T-2026-${String(MANY - 1).padStart(5, '0')}`);
  });
});
