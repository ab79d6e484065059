import type { Migration } from './index';
import { frozenWorkDayRows, WORK_DAYS_FROM } from './004-work-days';

/** A filing's local (Asia/Shanghai, no DST since 1991) calendar date of an ISO instant, in SQL. */
const day = (col: string) => `date(${col}, '+8 hours')`;
const wd = (col: string) => `(SELECT n FROM work_days WHERE day = ${day(col)})`;

/**
 * How long each step took, one row per finished step: the event that ends it, the latest event before it that
 * started it, and the working days in between. Used twice from one definition: by the triggers that keep the
 * dashboard's histogram current, and by this migration to fill it from the events already on file.
 */
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

// The review step runs from the first round's opening, paused time excluded (domain §7).
const pausedDays = `COALESCE((SELECT SUM(${wd('p.ended_at')} - ${wd('p.started_at')}) FROM clock_pauses p
    WHERE p.filing_id = e.filing_id AND p.step = 'review' AND p.ended_at IS NOT NULL AND p.ended_at <= e.at), 0)`;

function spanSelect(s: (typeof STEP_SPANS)[number], where: string): string {
  const order = s.step === 'review' ? 'ASC' : 'DESC';
  const started = `(SELECT b.at FROM filing_events b WHERE b.filing_id = e.filing_id AND b.id < e.id AND b.kind IN ${s.starts} ORDER BY b.id ${order} LIMIT 1)`;
  return `SELECT substr(${day('e.at')}, 1, 7) AS month, '${s.step}' AS step, '${s.party}' AS party,
    ${wd('e.at')} - ${wd(started)}${s.minusPauses ? ` - ${pausedDays}` : ''} AS days
    FROM filing_events e WHERE ${s.ends} AND ${where}`;
}

/** Each unit held the case from its round's opening (or from when its earlier decision turned stale) until it decided. */
const decisionSpan = (where: string) => `SELECT substr(${day('d.decided_at')}, 1, 7) AS month, 'review' AS step, d.section AS party,
    ${wd('d.decided_at')} - ${wd(`MAX((SELECT r.opened_at FROM review_rounds r WHERE r.filing_id = d.filing_id AND r.number = d.round),
      COALESCE((SELECT x.stale_at FROM decisions x WHERE x.filing_id = d.filing_id AND x.section = d.section AND x.id < d.id ORDER BY x.id DESC LIMIT 1), ''))`)} AS days
    FROM decisions d WHERE ${where}`;

const upsert = (select: string) => `INSERT INTO step_durations (month, step, party, days, n)
  SELECT month, step, party, days, COUNT(*) FROM (${select}) WHERE days IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (month, step, party, days) DO UPDATE SET n = n + excluded.n;`;

/**
 * The closed loop after acceptance (domain §9) and the oversight dashboard (§10):
 * - run_periods: the one extension and the closure of a registered pilot;
 * - tracked_items_verify: only an active reviewer of the verifying unit may close an item (销号), whatever the code path;
 * - work_days + step_durations: a working-day calendar and a histogram of step durations kept current by triggers,
 *   so the dashboard reads a few thousand histogram rows instead of every event on 100,000 filings.
 */
export const migration004: Migration = {
  version: 4,
  name: 'followup',
  up: `
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
) STRICT;
-- one extension only (domain §4): once recorded it never changes
CREATE TRIGGER run_periods_one_extension BEFORE UPDATE OF extension_months ON run_periods
WHEN OLD.extension_months IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'CONFLICT: the run period was already extended once');
END;

CREATE TRIGGER tracked_items_verify BEFORE UPDATE OF state ON tracked_items
WHEN NEW.state = 'closed' AND OLD.state <> 'closed' AND NOT EXISTS (
  SELECT 1 FROM users u WHERE u.id = NEW.closed_by AND u.role = 'reviewer' AND u.unit = NEW.verifying_unit AND u.disabled = 0
)
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: only a reviewer of the verifying unit closes a tracked item');
END;
CREATE INDEX tracked_items_unit ON tracked_items(verifying_unit, state, due_date);

-- n = working days from ${WORK_DAYS_FROM} up to and including day, so working days in (a, b] = n(b) - n(a).
CREATE TABLE work_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;
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
) STRICT, WITHOUT ROWID;

${STEP_SPANS.map(
  (s) => `CREATE TRIGGER step_durations_${s.step} AFTER INSERT ON filing_events WHEN ${s.ends.replaceAll('e.kind', 'NEW.kind')}
BEGIN
  ${upsert(spanSelect(s, 'e.id = NEW.id'))}
END;`,
).join('\n')}
CREATE TRIGGER step_durations_unit AFTER INSERT ON decisions
BEGIN
  ${upsert(decisionSpan('d.id = NEW.id'))}
END;

${STEP_SPANS.map((s) => upsert(spanSelect(s, '1'))).join('\n')}
${upsert(decisionSpan('1'))}
`,
};
