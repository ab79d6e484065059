import type { Migration } from './index';

/**
 * Enterprise problems (企业诉求, domain §12). Departments beyond the five review units (the five keep their review
 * sections and authority exactly as before: nothing here touches users.unit or decisions); accounts belong to one
 * department; categories, grades and the report policy are Settings tables. As with decisions, the authority rules
 * that SQL can express stand behind the handlers: a progress or solved report comes from the lead unit, a note from
 * an involved department, a return visit from the coordinator, and only a satisfied visit closes a problem.
 */
const DEPARTMENTS: [string, string, string, string, number][] = [
  ['yj', '应急管理局', 'Emergency Management Bureau', 'district', 1],
  ['hb', '生态环境分局', 'Ecology and Environment Bureau', 'district', 2],
  ['gh', '自然资源和规划分局', 'Natural Resources and Planning Bureau', 'district', 3],
  ['sp', '行政审批局', 'Administrative Approval Bureau', 'district', 4],
  ['yq', '化工园区管委会', 'Chemical Park Management Committee', 'park', 5],
  ['kjsw', '科技商务和投资促进局', 'Science, Commerce and Investment Bureau', 'district', 6],
  ['sw', '区水务局', 'District Water Bureau', 'district', 7],
  ['szrzy', '市自然资源和规划局', 'City Natural Resources and Planning Bureau', 'city', 8],
  ['gdgs', '国网供电公司', 'State Grid power supply company', 'outside', 9],
  ['tl', '铁路管理单位', 'Railway management', 'outside', 10],
];
const CATEGORIES: [string, string, string][] = [
  ['land', '土地和规划', 'Land and planning'],
  ['utilities', '水电气热', 'Power, water, gas and heat'],
  ['environment', '生态环境', 'Environment'],
  ['safety', '安全生产', 'Safety'],
  ['approvals', '审批许可', 'Approvals and permits'],
  ['finance', '金融和政策', 'Finance and policy'],
  ['other', '其他', 'Other'],
];
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const migration006: Migration = {
  version: 6,
  name: 'problems',
  up: `
CREATE TABLE departments (
  code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND length(code) <= 16),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('district','park','city','outside')),
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;
INSERT INTO departments (code, name_zh, name_en, kind, sort) VALUES
${DEPARTMENTS.map(([c, zh, en, k, s]) => `(${q(c)}, ${q(zh)}, ${q(en)}, ${q(k)}, ${s})`).join(',\n')};
-- The five review units are departments for good.
CREATE TRIGGER departments_review_units BEFORE DELETE ON departments WHEN OLD.code IN ('yj','hb','gh','sp','yq')
BEGIN
  SELECT RAISE(ABORT, 'the five review units are departments for good');
END;

-- An account's department when it is not the one its role implies (a reviewer's unit, a clerk's sp).
-- Outside parties hold no accounts.
CREATE TABLE department_members (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  department TEXT NOT NULL REFERENCES departments(code)
) STRICT;
CREATE TRIGGER department_members_no_outside BEFORE INSERT ON department_members
WHEN (SELECT kind FROM departments WHERE code = NEW.department) = 'outside'
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: an outside party holds no accounts');
END;

CREATE TABLE problem_categories (
  code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND length(code) <= 16),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;
INSERT INTO problem_categories (code, name_zh, name_en, sort) VALUES
${CATEGORIES.map(([c, zh, en], i) => `(${q(c)}, ${q(zh)}, ${q(en)}, ${i + 1})`).join(',\n')};

-- Deadlines by grade and the report cadence, in one row.
CREATE TABLE problem_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  coordinator TEXT NOT NULL REFERENCES departments(code),
  park_days INTEGER NOT NULL CHECK (park_days BETWEEN 1 AND 250),
  district_days INTEGER NOT NULL CHECK (district_days BETWEEN 1 AND 250),
  city_days INTEGER NOT NULL CHECK (city_days BETWEEN 1 AND 250),
  report_every_days INTEGER NOT NULL CHECK (report_every_days BETWEEN 1 AND 90),
  reminder_after_days INTEGER NOT NULL CHECK (reminder_after_days BETWEEN 0 AND 30),
  warning_days INTEGER NOT NULL CHECK (warning_days BETWEEN 0 AND 30)
) STRICT;
INSERT INTO problem_policy VALUES (1, 'sp', 10, 20, 40, 7, 1, 3);

CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  problem_no TEXT NOT NULL UNIQUE,
  credit_code TEXT NOT NULL,
  firm_name TEXT NOT NULL,
  filing_id INTEGER REFERENCES filings(id),
  title TEXT NOT NULL,
  request TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('commissioner','firm','review','tracked')),
  category TEXT NOT NULL REFERENCES problem_categories(code),
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new','dispatched','solved','closed')),
  version INTEGER NOT NULL DEFAULT 1,
  grade TEXT CHECK (grade IN ('park','district','city')),
  suggested_grade TEXT CHECK (suggested_grade IN ('park','district','city')),
  grade_reason TEXT NOT NULL DEFAULT '',
  lead TEXT REFERENCES departments(code),
  -- co-operating departments in the ',a,b,' form filings use for units
  cooperating TEXT NOT NULL DEFAULT ',',
  next_step TEXT NOT NULL DEFAULT '',
  -- the current lead unit's clock: start day, limit, due date (moved on by pauses and extensions)
  start_date TEXT,
  limit_days INTEGER,
  due_date TEXT,
  last_report_date TEXT,
  paused_since TEXT,
  reassign_count INTEGER NOT NULL DEFAULT 0,
  unsatisfied_count INTEGER NOT NULL DEFAULT 0,
  -- working days from first dispatch to closure, less pauses; set when closed (the dashboard reads it)
  solved_days INTEGER,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
  created_by INTEGER REFERENCES users(id),
  created_dept TEXT NOT NULL REFERENCES departments(code),
  created_at TEXT NOT NULL,
  dispatched_at TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((state = 'new') = (lead IS NULL)),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
) STRICT;
-- counts by state, and the running problems past their due date by lead unit, both from this index alone
CREATE INDEX problems_state ON problems(state, paused_since, due_date, lead);
CREATE INDEX problems_lead ON problems(lead, state, paused_since, due_date);
CREATE INDEX problems_credit ON problems(credit_code);
CREATE INDEX problems_filing ON problems(filing_id) WHERE filing_id IS NOT NULL;
CREATE INDEX problems_solved ON problems(category, grade, solved_days) WHERE solved_days IS NOT NULL;
CREATE INDEX problems_reassigned ON problems(category, reassign_count) WHERE reassign_count > 0;

CREATE TABLE problem_attachments (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX problem_attachments_problem ON problem_attachments(problem_id);

-- Who led, with whom, from when to when; a re-assignment ends one row and starts the next (the map's hand-over).
CREATE TABLE problem_assignments (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  lead TEXT NOT NULL REFERENCES departments(code),
  cooperating TEXT NOT NULL,
  meeting_id INTEGER REFERENCES meetings(id),
  opinion TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  limit_days INTEGER NOT NULL,
  from_at TEXT NOT NULL,
  to_at TEXT,
  by_id INTEGER REFERENCES users(id),
  by_name TEXT
) STRICT;
CREATE INDEX problem_assignments_problem ON problem_assignments(problem_id, id);

CREATE TABLE problem_reports (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  kind TEXT NOT NULL CHECK (kind IN ('progress','note','solved')),
  department TEXT NOT NULL REFERENCES departments(code),
  at TEXT NOT NULL,
  author_id INTEGER REFERENCES users(id),
  author_name TEXT,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX problem_reports_problem ON problem_reports(problem_id, id);
-- Progress and solved reports come from the lead unit; notes from the lead, a co-operating unit or the coordinator.
CREATE TRIGGER problem_reports_authority BEFORE INSERT ON problem_reports
WHEN NOT EXISTS (SELECT 1 FROM problems p WHERE p.id = NEW.problem_id AND (
        p.lead = NEW.department
     OR (NEW.kind = 'note' AND (instr(p.cooperating, ',' || NEW.department || ',') > 0
                                OR NEW.department = (SELECT coordinator FROM problem_policy WHERE id = 1)))))
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: a report comes from the lead unit, a note from an involved department');
END;

CREATE TABLE problem_pauses (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  from_date TEXT NOT NULL,
  to_date TEXT,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX problem_pauses_problem ON problem_pauses(problem_id);

CREATE TABLE problem_visits (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  department TEXT NOT NULL REFERENCES departments(code),
  at TEXT NOT NULL,
  satisfied INTEGER NOT NULL CHECK (satisfied IN (0,1)),
  notes TEXT NOT NULL,
  by_id INTEGER REFERENCES users(id),
  by_name TEXT
) STRICT;
CREATE INDEX problem_visits_problem ON problem_visits(problem_id);
CREATE INDEX problem_visits_unsatisfied ON problem_visits(problem_id) WHERE satisfied = 0;
CREATE TRIGGER problem_visits_coordinator BEFORE INSERT ON problem_visits
WHEN NEW.department <> (SELECT coordinator FROM problem_policy WHERE id = 1)
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: return visits are recorded by the coordinating department');
END;
-- Only a satisfied return visit closes (销号).
CREATE TRIGGER problems_close_after_visit BEFORE UPDATE OF state ON problems
WHEN NEW.state = 'closed' AND OLD.state <> 'closed' AND NOT EXISTS (
  SELECT 1 FROM problem_visits v WHERE v.problem_id = NEW.id AND v.satisfied = 1
    AND v.id = (SELECT max(id) FROM problem_visits WHERE problem_id = NEW.id))
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: only a satisfied return visit closes a problem');
END;

CREATE TABLE problem_blockages (
  id INTEGER PRIMARY KEY,
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  at TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('overdue','extend','reassign')),
  class TEXT NOT NULL CHECK (class IN ('unit','mechanism','legacy','firm','outside')),
  unit TEXT REFERENCES departments(code),
  lead TEXT NOT NULL REFERENCES departments(code),
  category TEXT NOT NULL REFERENCES problem_categories(code),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  CHECK ((class = 'unit') = (unit IS NOT NULL))
) STRICT;
CREATE INDEX problem_blockages_problem ON problem_blockages(problem_id);
CREATE INDEX problem_blockages_cell ON problem_blockages(category, class, unit);

-- An assignment meeting (企业问题交办会) is a joint session whose agenda holds problems.
CREATE TABLE problem_meeting_agenda (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  PRIMARY KEY (meeting_id, position),
  UNIQUE (meeting_id, problem_id)
) STRICT;
CREATE INDEX problem_meeting_agenda_problem ON problem_meeting_agenda(problem_id);
-- A dispatch at a meeting names an open meeting with the problem on its agenda.
CREATE TRIGGER problem_assignments_meeting BEFORE INSERT ON problem_assignments
WHEN NEW.meeting_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM meetings m JOIN problem_meeting_agenda a ON a.meeting_id = m.id AND a.problem_id = NEW.problem_id
  WHERE m.id = NEW.meeting_id AND m.state = 'scheduled')
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: a dispatch at a meeting needs the open meeting with the problem on its agenda');
END;

CREATE TRIGGER problem_history_no_delete_reports BEFORE DELETE ON problem_reports BEGIN
  SELECT RAISE(ABORT, 'problem history is never deleted');
END;
CREATE TRIGGER problem_history_no_delete_visits BEFORE DELETE ON problem_visits BEGIN
  SELECT RAISE(ABORT, 'problem history is never deleted');
END;
CREATE TRIGGER problem_history_no_delete_blockages BEFORE DELETE ON problem_blockages BEGIN
  SELECT RAISE(ABORT, 'problem history is never deleted');
END;
CREATE TRIGGER problems_no_delete BEFORE DELETE ON problems BEGIN
  SELECT RAISE(ABORT, 'problems are never deleted');
END;
`,
};
