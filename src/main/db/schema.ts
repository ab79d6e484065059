import type { Generated } from 'kysely';
import type { ProblemTables } from './schema-problems';
import type { NoticeTables } from './notices';

/** Kysely's view of the tables. Columns mirror the migrations; JSON columns hold text. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  unit: string | null;
  password_hash: string;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  is_demo: Generated<number>;
  created_at: string;
  last_login_at: string | null;
}

export interface FilingsTable {
  id: Generated<number>;
  filing_no: string;
  state: string;
  version: Generated<number>;
  applicant_name: string;
  credit_code: string;
  project_name: string;
  park_id: string;
  acceptance: string | null;
  conditional: Generated<number>;
  step: string | null;
  due_date: string | null;
  next_item_due: string | null;
  waiting_units: Generated<string>;
  /** Generated: the earlier of due_date and next_item_due. */
  earliest_due: Generated<string | null>;
  is_demo: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface FilingMaterialsTable {
  filing_id: number;
  code: string;
  state: string;
  note: string;
  updated_at: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  filing_id: number;
  material_code: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploaded_at: string;
  uploaded_by: number | null;
}

export interface TrackedItemsTable {
  id: Generated<number>;
  filing_id: number;
  kind: string;
  material_code: string | null;
  text: string;
  verifying_unit: string;
  due_date: string;
  blocks: string;
  state: string;
  note: string;
  source_decision_id: number | null;
  created_at: string;
  supplied_at: string | null;
  closed_at: string | null;
  closed_by: number | null;
}

export interface FilingEventsTable {
  id: Generated<number>;
  filing_id: number;
  at: string;
  kind: string;
  actor_id: number | null;
  actor_name: string | null;
  unit: string | null;
  detail: string;
}

export interface ClockPausesTable {
  id: Generated<number>;
  filing_id: number;
  step: string;
  started_at: string;
  ended_at: string | null;
  reason: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  unit: string | null;
  action: string;
  target: string | null;
  outcome: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  /** rows-1: [[table, key, sha256 | null], …] of the covered rows this entry's transaction wrote; null when none. */
  rows: string | null;
}

/** Migrations 001: the filing record, users, settings, audit. */
export interface CoreTables {
  meta: { key: string; value: string };
  users: UsersTable;
  settings: { key: string; value: string; updated_at: string };
  filings: FilingsTable;
  filing_fields: { filing_id: number; fields: string };
  filing_materials: FilingMaterialsTable;
  attachments: AttachmentsTable;
  tracked_items: TrackedItemsTable;
  filing_events: FilingEventsTable;
  clock_pauses: ClockPausesTable;
  idempotency: { key: string; channel: string; actor_id: number | null; result: string; created_at: string };
  audit_log: AuditLogTable;
  audit_dirty: { tbl: string; row_key: number | string; origin: string };
  sessions: { secret_hash: string; user_id: number; transport: string; created_at: string; last_seen_at: string };
  login_throttle: { key: string; failures: number; locked_until: string | null; updated_at: string };
}

/** Migration 002: review rounds and unit decisions. */
export interface ReviewTables {
  review_rounds: {
    id: Generated<number>;
    filing_id: number;
    number: number;
    units: string;
    opened_at: string;
    closed_at: string | null;
    outcome: Generated<string>;
    supplement_request: string | null;
  };
  decisions: {
    id: Generated<number>;
    filing_id: number;
    round: number;
    section: string;
    decision: string;
    opinion: string;
    not_involved_reason: string;
    checklist: string;
    conditions: string;
    decided_by: number;
    decided_by_name: string;
    decided_at: string;
    confirmed_via: string;
    meeting_id: number | null;
    filing_version: number;
    facts_hash: string;
    facts: string;
    stale: Generated<number>;
    stale_at: string | null;
  };
}

/** Migration 003: certificates and the other desks' public keys. */
export interface CertificateTables {
  certificates: {
    id: Generated<number>;
    number: string;
    year: number;
    seq: number;
    filing_id: number;
    record_json: string;
    record_hash: string;
    qr_text: string;
    verification_code: string;
    key_id: string;
    audit_head: string;
    issued_at: string;
    issued_by: number | null;
    issued_by_name: string;
    replaces_id: number | null;
    pdf: Uint8Array;
    status: Generated<string>;
    status_reason: Generated<string>;
    status_changed_at: string | null;
    revoked_reason: string | null;
    revoked_at: string | null;
  };
  trusted_keys: { key_id: string; public_key_pem: string; label: string; imported_at: string; imported_by: number | null };
  /** Migration 010: the issued PDF, rendered after the issuing transaction and written once. */
  certificate_files: { certificate_id: number; pdf: Uint8Array };
}

/** Migration 004: run periods, the working-day calendar and the dashboard's step histogram. */
export interface FollowupTables {
  run_periods: {
    filing_id: number;
    extension_months: number | null;
    extension_reason: string | null;
    extended_at: string | null;
    extended_by: string | null;
    closed_how: string | null;
    closure_attachment_id: number | null;
    closed_at: string | null;
    closed_by: string | null;
  };
  work_days: { day: string; n: number };
  step_durations: { month: string; step: string; party: string; days: number; n: number };
}

/** Migration 005: joint sessions. */
export interface MeetingTables {
  meetings: {
    id: Generated<number>;
    date: string;
    time: string;
    place: string;
    host_id: number;
    host_name: string;
    units: string;
    state: Generated<string>;
    version: Generated<number>;
    cursor: Generated<number>;
    focus_unit: string | null;
    created_at: string;
    started_at: string | null;
    closed_at: string | null;
    minutes_pdf: Uint8Array | null;
    minutes_sha256: string | null;
  };
  meeting_agenda: { meeting_id: number; position: number; filing_id: number };
  meeting_attendance: { meeting_id: number; unit: string; user_id: number };
}

/** Every table the migrations create, as Kysely sees them: the type the stores are written against. */
export interface DB extends CoreTables, ReviewTables, CertificateTables, FollowupTables, MeetingTables, ProblemTables, NoticeTables {}
