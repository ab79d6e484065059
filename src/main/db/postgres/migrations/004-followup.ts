import type { PgMigration } from './index';
import { frozenWorkDayRows, WORK_DAYS_FROM } from '../../migrations/004-work-days';

// Step 4 on PostgreSQL: SQLite 004's follow-up guards, working-day calendar and step-duration histogram, in plpgsql.
// The span definitions are this step's own copy (a migration is frozen history), written in PostgreSQL's SQL; the
// calendar rows are SQLite 004's frozen copy, so both stores start from the same table.

const day = (col: string) => `desk_local_day(${col})`;
const wd = (col: string) => `(SELECT n FROM work_days WHERE day = ${day(col)})`;

const STEP_SPANS: { step: string; party: string; ends: string; starts: string; minusPauses?: boolean }[] = [
  { step: 'acceptance', party: 'desk', ends: "e.kind LIKE 'acceptance.%'", starts: "('submitted','resubmitted')" },
  { step: 'correction', party: 'applicant', ends: "e.kind = 'resubmitted'", starts: "('acceptance.correction')" },
  {
    step: 'review',
    party: 'all',
    ends: "e.kind IN ('review.approved','review.rejected')",
    starts: "('review.roundOpened')",
    minusPauses: true,
  },
  { step: 'supplement', party: 'applicant', ends: "e.kind = 'review.supplied'", starts: "('review.supplementRequested')" },
  { step: 'certificate', party: 'desk', ends: "e.kind LIKE 'certificate.issue%'", starts: "('review.approved')" },
];

const pausedDays = `COALESCE((SELECT SUM(${wd('p.ended_at')} - ${wd('p.started_at')}) FROM clock_pauses p
    WHERE p.filing_id = e.filing_id AND p.step = 'review' AND p.ended_at IS NOT NULL AND p.ended_at <= e.at), 0)`;

function spanSelect(s: (typeof STEP_SPANS)[number], where: string): string {
  const order = s.step === 'review' ? 'ASC' : 'DESC';
  const started = `(SELECT b.at FROM filing_events b WHERE b.filing_id = e.filing_id AND b.id < e.id AND b.kind IN ${s.starts} ORDER BY b.id ${order} LIMIT 1)`;
  return `SELECT substr(${day('e.at')}, 1, 7) AS month, '${s.step}'::text AS step, '${s.party}'::text AS party,
    ${wd('e.at')} - ${wd(started)}${s.minusPauses ? ` - ${pausedDays}` : ''} AS days
    FROM filing_events e WHERE ${s.ends} AND ${where}`;
}

// SQLite's two-argument MAX returns NULL when either side is NULL; GREATEST skips NULLs, so both sides are kept non-NULL.
const decisionSpan = (where: string) => `SELECT substr(${day('d.decided_at')}, 1, 7) AS month, 'review'::text AS step, d.section AS party,
    ${wd('d.decided_at')} - ${wd(`GREATEST((SELECT r.opened_at FROM review_rounds r WHERE r.filing_id = d.filing_id AND r.number = d.round),
      COALESCE((SELECT x.stale_at FROM decisions x WHERE x.filing_id = d.filing_id AND x.section = d.section AND x.id < d.id ORDER BY x.id DESC LIMIT 1), ''))`)} AS days
    FROM decisions d WHERE ${where}`;

const upsert = (select: string) => `INSERT INTO step_durations (month, step, party, days, n)
  SELECT month, step, party, days, COUNT(*) FROM (${select}) s WHERE days IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (month, step, party, days) DO UPDATE SET n = step_durations.n + excluded.n;`;

const afterInsert = (name: string, table: string, when: string | null, body: string) => `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body}
  RETURN NULL;
END $$;
CREATE TRIGGER ${name} AFTER INSERT ON ${table} FOR EACH ROW${when ? ` WHEN (${when})` : ''} EXECUTE FUNCTION ${name}();`;

export const pgMigration004: PgMigration = {
  version: 4,
  name: 'followup',
  up: `
-- A filing's local (Asia/Shanghai, no DST since 1991) calendar date of an ISO instant; NULL for NULL or '' as in SQLite.
CREATE FUNCTION desk_local_day(at TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN at IS NULL OR at = '' THEN NULL
    ELSE to_char((at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') END
$$;

CREATE TABLE run_periods (
  filing_id INTEGER PRIMARY KEY REFERENCES filings(id),
  extension_months INTEGER CHECK (extension_months >= 1),
  extension_reason TEXT,
  extended_at TEXT,
  extended_by TEXT,
  closed_how TEXT CHECK (closed_how IN ('dismantled','sealed')),
  closure_attachment_id INTEGER REFERENCES attachments(id),
  closed_at TEXT,
  closed_by TEXT
);
CREATE TRIGGER run_periods_one_extension BEFORE UPDATE OF extension_months ON run_periods
  FOR EACH ROW WHEN (OLD.extension_months IS NOT NULL)
  EXECUTE FUNCTION desk_refuse('CONFLICT: the run period was already extended once');

CREATE FUNCTION tracked_items_verify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'closed' AND OLD.state <> 'closed' AND NOT EXISTS (
    SELECT 1 FROM users u WHERE u.id = NEW.closed_by AND u.role = 'reviewer' AND u.unit = NEW.verifying_unit AND u.disabled = 0
  ) THEN
    RAISE EXCEPTION 'FORBIDDEN: only a reviewer of the verifying unit closes a tracked item';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tracked_items_verify BEFORE UPDATE OF state ON tracked_items
  FOR EACH ROW EXECUTE FUNCTION tracked_items_verify();
CREATE INDEX tracked_items_unit ON tracked_items(verifying_unit, state, due_date);

-- n = working days from ${WORK_DAYS_FROM} up to and including day, so working days in (a, b] = n(b) - n(a).
CREATE TABLE work_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO work_days (day, n) VALUES ${frozenWorkDayRows()
    .map(([d, n]) => `('${d}',${n})`)
    .join(',')};

CREATE TABLE step_durations (
  month TEXT NOT NULL,
  step TEXT NOT NULL,
  party TEXT NOT NULL,
  days INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (month, step, party, days)
);

${STEP_SPANS.map((s) =>
  afterInsert(`step_durations_${s.step}`, 'filing_events', s.ends.replaceAll('e.kind', 'NEW.kind'), upsert(spanSelect(s, 'e.id = NEW.id'))),
).join('\n')}
${afterInsert('step_durations_unit', 'decisions', null, upsert(decisionSpan('d.id = NEW.id')))}

${STEP_SPANS.map((s) => upsert(spanSelect(s, 'true'))).join('\n')}
${upsert(decisionSpan('true'))}
`,
};
