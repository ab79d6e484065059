import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration013 } from '../../src/main/db/migrations/013-search-facets';
import { createKysely } from '../../src/main/db/connection';
import { registerSearchFunctions } from '../../src/main/db/search-chars';
import { facetToken } from '../../src/main/db/search-facets';
import { listFilings } from '../../src/main/db/filing-list';
import { filingListInput } from '../../src/shared/contract/filings';

/**
 * Migration 013 (SQLite): each filing's state and park are tokens of the trigram index, and a text search with those
 * filters is answered inside the index. Whatever the filters, the list must give exactly what LIKE over the rows gives.
 */
const STATES = ['draft', 'submitted', 'in_review', 'approved'];
const PARKS = ['binhai', 'gangcheng', '港城-二期 "B"'];
const NAMES = ['瑞丰化工', '海晟精细化工', '六氟磷酸锂材料', '碳酸亚乙烯酯科技', 'Acme 化工'];

function seeded(upTo: number, n: number, seed: number) {
  const db = new Database(':memory:');
  registerSearchFunctions(db);
  migrate(db, upTo);
  let x = seed;
  const next = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), Math.floor(x / 65_536) % k);
  const insert = db.prepare(
    `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 't', ?)`,
  );
  for (let i = 1; i <= n; i++)
    insert.run(
      `ZS-2026-${String(i).padStart(4, '0')}`,
      STATES[next(STATES.length)],
      NAMES[next(NAMES.length)],
      `9137${String(next(10_000)).padStart(4, '0')}`,
      `${NAMES[next(NAMES.length)]}中试项目`,
      PARKS[next(PARKS.length)],
      `2026-11-${String(1 + next(28)).padStart(2, '0')}T08:00:00Z`,
    );
  return db;
}

/** The list's answer and LIKE's over the rows: the same total and the same first page in the same order. */
async function sameAsLike(db: Database.Database, query: string, states: string[], parkId: string | null) {
  const input = filingListInput.parse({
    query,
    states,
    parkId,
    unit: null,
    overdueOnly: false,
    sort: 'updatedAt',
    dir: 'desc',
    offset: 0,
    limit: 20,
  });
  const got = await listFilings(createKysely(db), input, '2026-11-30');
  const where = [
    `(filing_no LIKE @q OR applicant_name LIKE @q OR credit_code LIKE @q OR project_name LIKE @q)`,
    ...(states.length ? [`state IN (${states.map((s) => `'${s}'`).join(',')})`] : []),
    ...(parkId !== null ? ['park_id = @park'] : []),
  ].join(' AND ');
  const params = { q: `%${query}%`, park: parkId ?? '' };
  const total = (db.prepare(`SELECT count(*) AS n FROM filings WHERE ${where}`).get(params) as { n: number }).n;
  const ids = db.prepare(`SELECT id FROM filings WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT 20`).pluck().all(params);
  expect({ query, states, parkId, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({ query, states, parkId, total, ids });
}

describe(`migration ${migration013.version} (search facets)`, () => {
  it('tokens are one trigram each, from the Private Use Area, never starting a trigram that spans two tokens', () => {
    for (const id of [1, 2, 6398, 6399, 6400, 40_943_000]) {
      const t = facetToken(id);
      expect([...t]).toHaveLength(3);
      expect(t.codePointAt(0)).toBe(0xf8ff);
      for (const c of [...t].slice(1)) expect(c.codePointAt(0)).toBeGreaterThanOrEqual(0xe000);
      for (const c of [...t].slice(1)) expect(c.codePointAt(0)).toBeLessThan(0xf8ff);
    }
    expect(new Set([1, 6399, 6400, 12_798].map(facetToken)).size).toBe(4);
  });

  it('indexes the filings that exist when it runs: filtered searches equal LIKE over the rows', async () => {
    const db = seeded(12, 600, 7);
    migrate(db, 13);
    const facets = db.prepare('SELECT facet FROM filings_fts_tokens ORDER BY facet').pluck().all();
    expect(facets).toEqual([...PARKS.map((p) => `park:${p}`), ...STATES.map((s) => `state:${s}`)].sort());
    for (const query of ['瑞丰化', '精细化工', '六氟磷酸锂', 'ZS-2026-01', 'Acme', '中试项目'])
      for (const [states, park] of [
        [[], null],
        [['approved'], null],
        [['in_review', 'approved'], null],
        [[], 'gangcheng'],
        [['draft', 'submitted'], '港城-二期 "B"'],
        [['terminated'], null], // no filing has ever had it: nothing matches
        [[], 'nowhere'],
      ] as [string[], string | null][])
        await sameAsLike(db, query, states, park);
  });

  it('keeps to the filings after: a new filing, a state change, a park never seen before, a text change', async () => {
    const db = seeded(13, 200, 11);
    await sameAsLike(db, '精细化工', ['approved'], null);
    db.prepare("UPDATE filings SET state = 'approved' WHERE id IN (SELECT id FROM filings WHERE state = 'draft' LIMIT 10)").run();
    await sameAsLike(db, '精细化工', ['approved'], null);
    await sameAsLike(db, '精细化工', ['draft'], null);
    db.prepare("UPDATE filings SET park_id = '新园区' WHERE id <= 30").run();
    await sameAsLike(db, '化工', [], '新园区');
    await sameAsLike(db, '精细化工', ['approved'], '新园区');
    await sameAsLike(db, '精细化工', [], 'binhai');
    db.prepare("UPDATE filings SET applicant_name = '全新名称有限公司' WHERE id <= 5").run();
    await sameAsLike(db, '全新名称', [], null);
    await sameAsLike(db, '全新名称', ['approved', 'draft', 'submitted', 'in_review'], '新园区');
    db.prepare(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES ('ZS-2026-9999', 'closed', '新来的化工', '', '项目', '另一园区', 't', '2026-12-01')`,
    ).run();
    await sameAsLike(db, '新来的', ['closed'], '另一园区');
    // Token numbers past the first of their two characters: the SQL that writes a token and the code that reads one
    // must agree on every digit.
    db.prepare("INSERT INTO filings_fts_tokens (id, facet) VALUES (50000, 'park:远方园区')").run();
    db.prepare("UPDATE filings SET park_id = '远方园区' WHERE id IN (3, 4, 5, 60)").run();
    await sameAsLike(db, '化工', [], '远方园区');
    await sameAsLike(db, '全新名称', [], '远方园区');
    // A state written again unchanged rewrites nothing; a hostile query (the tokens' own character, quotes) is text.
    db.prepare('UPDATE filings SET state = state').run();
    await sameAsLike(db, '精细化工', ['approved'], null);
    await sameAsLike(db, `\uf8ff"化工`, ['approved'], null);
    await sameAsLike(db, facetToken(1), [], null);
  });
});
