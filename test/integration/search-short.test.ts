/**
 * The list's text search finds exactly the filings a plain substring test finds, on both stores, for one- and
 * two-character queries (their own index since migration 011: SQLite's character FTS5 table, PostgreSQL's
 * `desk_grams` lookup) and longer ones (trigram), and the indexes follow a filing whose name changes. The reference
 * is computed here from the rows themselves: a query matches a filing when one of its four searchable columns
 * contains it, ASCII letters compared without case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, listInput, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let clerk: Awaited<ReturnType<TestDesk['clerk']>>;

/** Names chosen to catch what an index of words or pairs gets wrong: punctuation, spaces, case, Extension B, edges. */
const NAMES: [applicant: string, project: string][] = [
  ['瑞丰化工有限公司', '年产100吨六氟磷酸锂中试'],
  ['丰瑞新材料 (青岛) 有限公司', '瑞 丰 间隔项目'],
  ['𠀾𠁁精细化学品厂', '含扩展B字的中试'],
  ['Acme Fluoro Co., Ltd.', 'PFA pilot line-2'],
  ['ACME 氟', 'pfa-3 装置'],
  ['氟', '瑞'],
  ['博瑞', '丰'],
  ['青岛博瑞医药', '丰年中试'],
];

beforeAll(async () => {
  t = await createTestDesk();
  clerk = await t.clerk();
  const at = '2026-03-02T02:00:00.000Z';
  for (const [i, [applicant, project]] of NAMES.entries())
    await t.query(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES (?, 'draft', ?, ?, ?, 'binhai', ?, ?)`,
      `SR-2026-${String(i).padStart(4, '0')}`,
      applicant,
      `91320000MA${String(i).padStart(8, '0')}`,
      project,
      at,
      at,
    );
}, 120_000);
afterAll(() => t.close());

async function listed(query: string): Promise<number[]> {
  const r = await clerk.session.ok('filing.list', listInput({ query, limit: 200, sort: 'filingNo', dir: 'asc' }));
  expect(r.rows.length).toBe(r.total);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

async function expected(query: string): Promise<number[]> {
  const rows = await t.query<{ id: number; filing_no: string; applicant_name: string; credit_code: string; project_name: string }>(
    'SELECT id, filing_no, applicant_name, credit_code, project_name FROM filings',
  );
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const q = fold(query);
  return rows
    .filter((r) => [r.filing_no, r.applicant_name, r.credit_code, r.project_name].some((c) => fold(c).includes(q)))
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}

const QUERIES = [
  '瑞丰',
  '丰瑞',
  '瑞',
  '丰',
  '氟',
  '𠀾',
  '𠀾𠁁',
  'B字',
  ' (',
  '-2',
  'R-',
  'pf',
  'PF',
  'acme',
  'Co',
  '.',
  'd.',
  '司9',
  '瑞丰化工',
  '六氟磷酸锂',
  'line-2',
  'SR-2026-0003',
  '青岛博瑞',
];

describe('text search matches exactly what a substring test matches', () => {
  it.each(QUERIES)('%s', async (query) => {
    const want = await expected(query);
    expect(await listed(query)).toEqual(want);
  });

  it('finds no pair across two columns', async () => {
    // 司 ends an applicant name and 9 starts every credit code: joined, they would be a pair no column holds.
    expect(await expected('司9')).toEqual([]);
    expect(await listed('司9')).toEqual([]);
  });

  it('follows a filing whose name changes', async () => {
    const [row] = await t.query<{ id: number }>("SELECT id FROM filings WHERE filing_no = 'SR-2026-0006'");
    const id = Number(row!.id);
    expect(await listed('博瑞')).toContain(id);
    await t.query("UPDATE filings SET applicant_name = '鑫' WHERE id = ?", id);
    expect(await listed('博瑞')).not.toContain(id);
    expect(await listed('鑫')).toEqual([id]);
    expect(await listed('博瑞')).toEqual(await expected('博瑞'));
  });
});
