/**
 * PostgreSQL step 13: a filing's state change leaves its search row on its page with no index entry written (a
 * heap-only update), the text's own changes still rewrite it, and the step-duration triggers plan generically.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import pg from 'pg';
import { migratePg } from '../../src/main/db/postgres/migrations';
import { createDatabase, databaseUrl } from '../helpers/store';

describe('PostgreSQL step 13 (search facets)', () => {
  it('changes a search row’s state in place, keeps the text in step, and plans step durations generically', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl(await createDatabase('desk_state13')), max: 1 });
    onTestFinished(() => pool.end());
    await migratePg(pool, 12);
    // Rows inserted before the step, as on a server that already holds filings: the step rewrites them with room.
    await pool.query(
      `INSERT INTO filings (filing_no, state, applicant_name, credit_code, project_name, park_id, created_at, updated_at)
       SELECT 'A-' || i, 'submitted', '瑞丰化工' || i, '', '六氟磷酸锂中试项目', 'binhai', 't', 't' FROM generate_series(1, 400) AS i`,
    );
    await migratePg(pool, 13);
    const { rows: opts } = await pool.query<{ reloptions: string[] }>("SELECT reloptions FROM pg_class WHERE relname = 'filing_search'");
    expect(opts[0]!.reloptions).toContain('fillfactor=70');

    const client = await pool.connect();
    try {
      const where = async (id: number) =>
        (await client.query<{ ctid: string }>('SELECT ctid::text FROM filing_search WHERE id = $1', [id])).rows[0]!.ctid;
      const hot = async () =>
        Number(
          (await client.query<{ n: string }>("SELECT pg_stat_get_xact_tuples_hot_updated('filing_search'::regclass) AS n")).rows[0]!.n,
        );
      const page = (ctid: string) => ctid.replace(/^\((\d+),.*$/, '$1');
      // Rounds closing on twelve filings 30 apart (so on different pages), each the decision's own UPDATE of the
      // filing (state, version, time): every search row stays on its page, in the room the step left there. Counted
      // within one transaction, so no pruning of earlier versions (which other sessions' snapshots can delay) is needed.
      const ids = Array.from({ length: 12 }, (_, i) => 20 + 30 * i);
      const pages = async () => {
        const out: string[] = [];
        for (const id of ids) out.push(page(await where(id)));
        return out;
      };
      const before = await pages();
      await client.query('BEGIN');
      const counted = await hot(); // this backend's count not yet sent to the statistics
      for (const id of ids)
        await client.query("UPDATE filings SET state = 'in_review', version = version + 1, updated_at = 'u' WHERE id = $1", [id]);
      expect((await hot()) - counted).toBe(ids.length);
      await client.query('COMMIT');
      expect(await pages()).toEqual(before);
      const { rows } = await client.query('SELECT state, s FROM filing_search WHERE id = 200');
      expect(rows).toEqual([{ state: 'in_review', s: expect.stringContaining('瑞丰化工200') }]);

      // A text change still rewrites the text (and the search finds it under the new name only).
      await client.query("UPDATE filings SET applicant_name = '海晟精细化工', park_id = 'gangcheng' WHERE id = 200");
      const found = async (q: string) =>
        (await client.query<{ id: number }>("SELECT id FROM desk_search_like($1, '{}', NULL) AS m(id)", [`%${q}%`])).rows.map((r) => r.id);
      expect(await found('海晟精细')).toEqual([200]);
      expect(await found('瑞丰化工200')).toEqual([]);
      expect((await client.query('SELECT park_id FROM filing_search WHERE id = 200')).rows).toEqual([{ park_id: 'gangcheng' }]);
    } finally {
      client.release();
    }

    const { rows: fns } = await pool.query<{ proname: string; proconfig: string[] | null }>(
      "SELECT proname, proconfig FROM pg_proc WHERE proname LIKE 'step_durations_%' ORDER BY proname",
    );
    expect(fns).toHaveLength(6);
    for (const f of fns) expect(f.proconfig, f.proname).toEqual(['plan_cache_mode=force_generic_plan']);
  });
});
