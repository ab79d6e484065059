import type { Generated } from 'kysely';

/** Migration 008: enterprise problems, departments and their Settings tables. */
export interface ProblemTables {
  departments: { code: string; name_zh: string; name_en: string; kind: string; sort: number; active: Generated<number> };
  department_members: { user_id: number; department: string };
  problem_categories: { code: string; name_zh: string; name_en: string; sort: number; active: Generated<number> };
  problem_policy: {
    id: number;
    coordinator: string;
    park_days: number;
    district_days: number;
    city_days: number;
    report_every_days: number;
    reminder_after_days: number;
    warning_days: number;
  };
  problems: {
    id: Generated<number>;
    problem_no: string;
    credit_code: string;
    firm_name: string;
    filing_id: number | null;
    title: string;
    request: string;
    source: string;
    category: string;
    state: Generated<string>;
    version: Generated<number>;
    grade: string | null;
    suggested_grade: string | null;
    grade_reason: Generated<string>;
    lead: string | null;
    cooperating: Generated<string>;
    next_step: Generated<string>;
    start_date: string | null;
    limit_days: number | null;
    due_date: string | null;
    last_report_date: string | null;
    paused_since: string | null;
    reassign_count: Generated<number>;
    unsatisfied_count: Generated<number>;
    solved_days: number | null;
    is_demo: Generated<number>;
    created_by: number | null;
    created_dept: string;
    created_at: string;
    dispatched_at: string | null;
    closed_at: string | null;
    updated_at: string;
  };
  problem_attachments: {
    id: Generated<number>;
    problem_id: number;
    sha256: string;
    name: string;
    mime: string;
    size: number;
    uploaded_at: string;
    uploaded_by: number | null;
  };
  problem_assignments: {
    id: Generated<number>;
    problem_id: number;
    lead: string;
    cooperating: string;
    meeting_id: number | null;
    opinion: string;
    reason: Generated<string>;
    limit_days: number;
    from_at: string;
    to_at: string | null;
    by_id: number | null;
    by_name: string | null;
  };
  problem_reports: {
    id: Generated<number>;
    problem_id: number;
    kind: string;
    department: string;
    at: string;
    author_id: number | null;
    author_name: string | null;
    text: string;
  };
  problem_pauses: { id: Generated<number>; problem_id: number; from_date: string; to_date: string | null; reason: string };
  problem_visits: {
    id: Generated<number>;
    problem_id: number;
    department: string;
    at: string;
    satisfied: number;
    notes: string;
    by_id: number | null;
    by_name: string | null;
  };
  problem_blockages: {
    id: Generated<number>;
    problem_id: number;
    at: string;
    trigger: string;
    class: string;
    unit: string | null;
    lead: string;
    category: string;
    text: string;
  };
  problem_meeting_agenda: { meeting_id: number; position: number; problem_id: number };
  /** Migration 008: who came for each department to an assignment meeting. */
  problem_meeting_attendance: { meeting_id: number; department: string; position: number; name: string };
}
