/**
 * PostgreSQL step 12: the search table's GIN indexes keep no pending list, migration 001's unused trigram indexes on
 * the filings table are gone, the sort indexes end in the id, and the search row is rewritten only when what it holds
 * changes.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import pg from 'pg';
import { migratePg } from '../../src/main/db/postgres/migrations';
import { createDatabase, databaseUrl } from '../helpers/store';

describe('PostgreSQL step 12 (search upkeep)', () => {
  it('drops the filings trigram indexes, turns off GIN pending lists, and skips writes that change nothing', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl(await createDatabase('desk_search12')), max: 2 });
    onTestFinished(() => pool.end());
    await migratePg(pool, 11);
    await pool.query(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES ('A-1', 'draft', '瑞丰化工', '', '项目', 'binhai', 't', 't')`,
    );
    const trgmOnFilings = async () =>
      (await pool.query("SELECT indexname FROM pg_indexes WHERE tablename = 'filings' AND indexdef LIKE '%gin_trgm_ops%'")).rowCount;
    expect(await trgmOnFilings()).toBe(4);
    await migratePg(pool, 12);
    expect(await trgmOnFilings()).toBe(0);

    const { rows: opts } = await pool.query<{ relname: string; reloptions: string[] | null }>(
      "SELECT relname, reloptions FROM pg_class WHERE relname IN ('filing_search_trgm', 'filing_search_grams') ORDER BY relname",
    );
    expect(opts).toEqual([
      { relname: 'filing_search_grams', reloptions: ['fastupdate=off'] },
      { relname: 'filing_search_trgm', reloptions: ['fastupdate=off'] },
    ]);

    // xmin names the transaction that wrote the row version: unchanged means the trigger wrote nothing.
    const version = async () => (await pool.query<{ v: string }>('SELECT xmin::text AS v FROM filing_search WHERE id = 1')).rows[0]!.v;
    const before = await version();
    await pool.query("UPDATE filings SET state = state, applicant_name = applicant_name, updated_at = 'u' WHERE id = 1");
    expect(await version()).toBe(before);
    await pool.query("UPDATE filings SET state = 'submitted' WHERE id = 1");
    expect(await version()).not.toBe(before);
    const { rows } = await pool.query('SELECT s, state FROM filing_search WHERE id = 1');
    expect(rows).toEqual([{ s: expect.stringContaining('瑞丰化工'), state: 'submitted' }]);
    const { rows: sorts } = await pool.query<{ def: string }>(
      `SELECT indexdef AS def FROM pg_indexes WHERE indexname IN
        ('filings_updated', 'filings_applicant', 'filings_project', 'filings_credit', 'filings_state', 'filings_park') ORDER BY indexname`,
    );
    // Every sort index ends in the id, so ORDER BY col, id is read straight off it (no incremental sort over ties).
    expect(sorts.map((r) => r.def.replace(/^.*\((.*)\)$/, '$1'))).toEqual([
      'applicant_name, id',
      'credit_code, id',
      'park_id, updated_at, id',
      'project_name, id',
      'state, updated_at, id',
      'updated_at, id',
    ]);
    const found = await pool.query("SELECT id FROM desk_search_like('%瑞丰%', '{submitted}', NULL) AS m(id)");
    expect(found.rows).toEqual([{ id: 1 }]);
  });
});
