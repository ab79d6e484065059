import type { PgMigration } from './index';

/**
 * Step 13 on PostgreSQL: a filing's facets (state and park) change in its search row without rewriting its text's
 * index entries, so a decision's writes stay cheap on a large database.
 *
 * A round that closes changes its filing's state, and the search table holds the state beside the text (for filtered
 * counts, migration 011). Its pages were packed full, so the changed row went to another page and every index entry
 * was written again — for the two GIN indexes, which take entries one by one since step 12, one per trigram and
 * character pair of the text: 4–8 ms on 100,000 filings, the largest single part of a closing decision. The table
 * now leaves 30% of each page free and is rewritten so existing rows have that room, and the trigger updates only the
 * state and park when the text is unchanged: the new row version stays on its page with no index entry written
 * (a heap-only tuple), 0.1 ms. CLUSTER rebuilds the table and its indexes (about 20 s at 100,000 filings, once).
 *
 * The step-duration triggers (migration 004) each run one statement of several subqueries for every decision and
 * closing round. PL/pgSQL plans such a statement afresh for each of its first five calls on a connection (0.4–0.6 ms
 * each) before settling on the generic plan it then keeps (0.12–0.15 ms); their parameters are only the new row's
 * ids, for which the generic plan is the right one, so they use it from the first call.
 *
 * SQLite's step 13 of the same name puts the same facets into its trigram index, as tokens a search intersects with
 * its text.
 */
const STEP_DURATIONS = ['acceptance', 'certificate', 'correction', 'review', 'supplement', 'unit'];

export const pgMigration013: PgMigration = {
  version: 13,
  name: 'search-facets',
  up: `
ALTER TABLE filing_search SET (fillfactor = 70);
CLUSTER filing_search USING filing_search_pkey;
CREATE OR REPLACE FUNCTION filing_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.filing_no, NEW.applicant_name, NEW.credit_code, NEW.project_name)
      IS NOT DISTINCT FROM (OLD.filing_no, OLD.applicant_name, OLD.credit_code, OLD.project_name) THEN
    IF (NEW.state, NEW.park_id) IS DISTINCT FROM (OLD.state, OLD.park_id) THEN
      UPDATE filing_search SET state = NEW.state, park_id = NEW.park_id WHERE id = NEW.id;
    END IF;
    RETURN NULL;
  END IF;
  INSERT INTO filing_search (id, s, state, park_id)
    VALUES (NEW.id, desk_search_text(NEW.filing_no, NEW.applicant_name, NEW.credit_code, NEW.project_name), NEW.state, NEW.park_id)
    ON CONFLICT (id) DO UPDATE SET s = EXCLUDED.s, state = EXCLUDED.state, park_id = EXCLUDED.park_id;
  RETURN NULL;
END $$;
${STEP_DURATIONS.map((s) => `ALTER FUNCTION step_durations_${s}() SET plan_cache_mode = force_generic_plan;`).join('\n')}
`,
};
