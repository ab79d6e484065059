import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/main/db/migrations';
import { migration012 } from '../../src/main/db/migrations/012-search-upkeep';
import { registerSearchFunctions } from '../../src/main/db/search-chars';

/** Migration 012 (SQLite): a narrow index of state and park by filing id, which the filtered search count reads. */
describe(`migration ${migration012.version} (search upkeep)`, () => {
  it('indexes id, state and park, and a text search counted with a filter reads that index, not the rows', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    migrate(db, 11);
    db.prepare(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES ('A-1', 'draft', '瑞丰化工', '', '项目', 'binhai', 't', 't')`,
    ).run();
    migrate(db, 12);
    const cols = db.prepare("SELECT name FROM pragma_index_info('filings_facets') ORDER BY seqno").pluck().all();
    expect(cols).toEqual(['id', 'state', 'park_id']);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FILTER (WHERE state IN ('draft')) FROM filings_fts
         JOIN filings INDEXED BY filings_facets ON filings.id = filings_fts.rowid WHERE filings_fts MATCH '"瑞丰化"'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail)).toContainEqual(expect.stringContaining('COVERING INDEX filings_facets'));
  });
});
