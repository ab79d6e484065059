/**
 * PostgreSQL step 11: the narrow search table is filled from the filings that exist, kept by its trigger (text, state
 * and park), and the nullable sort columns are indexed NULLS FIRST with the id, as the list sorts them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePg } from '../../src/main/db/postgres/migrations';
import { createDatabase, databaseUrl } from '../helpers/store';

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe('PostgreSQL step 11 (search)', () => {
  it('fills filing_search, follows changes, and finds one and two characters exactly', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl(await createDatabase('desk_search11')), max: 2 });
    pools.push(pool);
    await migratePg(pool, 10);
    await pool.query(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       VALUES ('A-1', 'draft', '瑞丰化工', '', '𠀾项目', 'binhai', 't', 't'), ('A-2', 'draft', '丰瑞 Co', '', '瑞', 'gangcheng', 't', 't')`,
    );
    await migratePg(pool, 11);
    const grams = async (g: string) =>
      (await pool.query<{ id: number }>('SELECT id FROM filing_search WHERE desk_grams(s) @> ARRAY[lower($1)] ORDER BY id', [g])).rows.map(
        (r) => r.id,
      );
    expect(await grams('瑞丰')).toEqual([1]);
    expect(await grams('丰瑞')).toEqual([2]);
    expect(await grams('瑞')).toEqual([1, 2]);
    expect(await grams('𠀾')).toEqual([1]);
    expect(await grams('CO')).toEqual([2]);
    // Never a pair across two columns: 工 ends A-1's applicant, 𠀾 starts its project.
    expect(await grams('工𠀾')).toEqual([]);

    await pool.query("UPDATE filings SET applicant_name = '新名', state = 'submitted', park_id = 'gangcheng' WHERE id = 1");
    expect(await grams('瑞丰')).toEqual([]);
    expect(await grams('新名')).toEqual([1]);
    const { rows } = await pool.query('SELECT state, park_id FROM filing_search WHERE id = 1');
    expect(rows).toEqual([{ state: 'submitted', park_id: 'gangcheng' }]);

    const { rows: idx } = await pool.query<{ def: string }>(
      "SELECT indexdef AS def FROM pg_indexes WHERE indexname IN ('filings_due', 'filings_submitted') ORDER BY indexname",
    );
    expect(idx.map((r) => r.def)).toEqual([
      expect.stringMatching(/\(due_date NULLS FIRST, id\)/),
      expect.stringMatching(/\(submitted_at NULLS FIRST, id\)/),
    ]);
  });
});
