/**
 * Enterprise problems (企业诉求, domain §12): the second closed loop — grade and classify (分级分类), solve by a deadline
 * (限期解决), close only after a return visit (回访销号). Pure rules: dates and who is acting are passed in.
 */
import { addDays, workingDaysBetween, type IsoDate, type WorkCalendar } from './calendar';
import { stepClock, type Pause } from './clock';

export const PROBLEM_STATES = ['new', 'dispatched', 'solved', 'closed'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

export const PROBLEM_GRADES = ['park', 'district', 'city'] as const;
export type ProblemGrade = (typeof PROBLEM_GRADES)[number];

export const PROBLEM_SOURCES = ['commissioner', 'firm', 'review', 'tracked'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

/** What kind of body a department is; it decides the suggested grade. The five review units are district bodies. */
export const DEPARTMENT_KINDS = ['district', 'park', 'city', 'outside'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const BLOCKAGE_CLASSES = ['unit', 'mechanism', 'legacy', 'firm', 'outside'] as const;
export type BlockageClass = (typeof BLOCKAGE_CLASSES)[number];

export const REPORT_KINDS = ['progress', 'note', 'solved'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Defaults of domain §12, all in working days except the report cadence (calendar days: "weekly"). */
export interface ProblemPolicy {
  coordinator: string;
  limits: Record<ProblemGrade, number>;
  reportEveryDays: number;
  reminderAfterDays: number;
  warningDays: number;
}
export const DEFAULT_PROBLEM_POLICY: ProblemPolicy = {
  coordinator: 'sp',
  limits: { park: 10, district: 20, city: 40 },
  reportEveryDays: 7,
  reminderAfterDays: 1,
  warningDays: 3,
};

export interface Involved {
  lead: { code: string; kind: DepartmentKind };
  cooperating: { code: string; kind: DepartmentKind }[];
}

/**
 * Suggested grade: city when a city-level body or an outside party must act; park when the park leads alone;
 * otherwise district (one or more district departments, or the park with others).
 */
export function suggestGrade(a: Involved): { grade: ProblemGrade; reasonKey: string } {
  const all = [a.lead, ...a.cooperating];
  if (all.some((d) => d.kind === 'city' || d.kind === 'outside')) return { grade: 'city', reasonKey: 'pr.grade.why.city' };
  if (a.lead.kind === 'park' && a.cooperating.length === 0) return { grade: 'park', reasonKey: 'pr.grade.why.park' };
  return { grade: 'district', reasonKey: 'pr.grade.why.district' };
}

/** A grade other than the suggested one needs the coordinator's reason. Returns the catalogue key of the fault, or null. */
export function gradeProblem(chosen: ProblemGrade, suggested: ProblemGrade, reason: string): string | null {
  return chosen !== suggested && reason.trim() === '' ? 'pr.grade.reasonNeeded' : null;
}

/** Lead and co-operating units are different departments, each named once. */
export function assignmentProblem(lead: string, cooperating: readonly string[]): string | null {
  if (cooperating.includes(lead)) return 'pr.assign.leadIsCo';
  if (new Set(cooperating).size !== cooperating.length) return 'pr.assign.duplicate';
  return null;
}

export interface ProblemParty {
  state: ProblemState;
  lead: string | null;
  cooperating: readonly string[];
}

export type ProblemAction = 'create' | 'dispatch' | 'progress' | 'note' | 'solved' | 'reassign' | 'visit' | 'pause' | 'extend';

/**
 * Who may do what, and in which state (domain §12). `dept` is the acting account's department (null: none).
 * Returns null when allowed, else the catalogue key of the refusal; 'state' faults are CONFLICT, the rest FORBIDDEN.
 */
export function problemPermission(
  action: ProblemAction,
  p: ProblemParty,
  dept: string | null,
  coordinator: string,
): { code: 'FORBIDDEN' | 'CONFLICT'; key: string } | null {
  if (dept === null) return { code: 'FORBIDDEN', key: 'pr.noDepartment' };
  const isCoord = dept === coordinator;
  const isLead = p.lead === dept;
  const isCo = p.cooperating.includes(dept);
  const forbid = (key: string) => ({ code: 'FORBIDDEN' as const, key });
  const conflict = (key: string) => ({ code: 'CONFLICT' as const, key });
  switch (action) {
    case 'create':
      return null;
    case 'dispatch':
      if (!isCoord) return forbid('pr.onlyCoordinator');
      return p.state === 'new' ? null : conflict('pr.state.notNew');
    case 'reassign':
    case 'extend':
      if (!isCoord) return forbid('pr.onlyCoordinator');
      return p.state === 'dispatched' ? null : conflict('pr.state.notOpen');
    case 'progress':
    case 'solved':
      if (!isLead) return forbid('pr.onlyLead');
      return p.state === 'dispatched' ? null : conflict('pr.state.notOpen');
    case 'note':
      if (!isLead && !isCo && !isCoord) return forbid('pr.notInvolved');
      return p.state === 'dispatched' || p.state === 'solved' ? null : conflict('pr.state.notOpen');
    case 'pause':
      if (!isLead && !isCoord) return forbid('pr.onlyLead');
      return p.state === 'dispatched' ? null : conflict('pr.state.notOpen');
    case 'visit':
      if (!isCoord) return forbid('pr.onlyCoordinator');
      return p.state === 'solved' ? null : conflict('pr.state.notSolved');
  }
}

/** The state after an allowed action. An unsatisfied visit reopens the problem with its history. */
export function nextState(action: ProblemAction, state: ProblemState, satisfied?: boolean): ProblemState {
  if (action === 'dispatch') return 'dispatched';
  if (action === 'solved') return 'solved';
  if (action === 'visit') return satisfied ? 'closed' : 'dispatched';
  return state;
}

export interface ProblemClockInput {
  /** The day the current lead unit's deadline started (dispatch, re-assignment or reopening). */
  start: IsoDate;
  limitDays: number;
  pauses: Pause[];
  /** Last progress report, or null when none since `start`. */
  lastReport: IsoDate | null;
  today: IsoDate;
  policy: ProblemPolicy;
  calendar: WorkCalendar;
}

export interface ProblemClock {
  dueDate: IsoDate;
  usedDays: number;
  pausedDays: number;
  daysLeft: number;
  paused: boolean;
  /** When the next progress report is due, and whether it is missing (reminder) or late past the grace (yellow). */
  reportDue: IsoDate;
  report: 'ok' | 'reminder' | 'late';
  level: 'ok' | 'yellow' | 'red';
}

/**
 * The deadline clock on the working-day calendar, paused while waiting for the firm, plus the report cadence:
 * a report is due `reportEveryDays` after the last one (or the start); from that day it reminds, and once
 * `reminderAfterDays` working days have passed without it the problem turns yellow. An overdue deadline is red.
 */
export function problemClock(a: ProblemClockInput): ProblemClock {
  const c = stepClock({
    start: a.start,
    limitDays: a.limitDays,
    pauses: a.pauses,
    today: a.today,
    warningDays: a.policy.warningDays,
    calendar: a.calendar,
  });
  const reportDue = addDays(a.lastReport ?? a.start, a.policy.reportEveryDays);
  let report: ProblemClock['report'] = 'ok';
  if (!c.paused && a.today >= reportDue) {
    report = workingDaysBetween(a.calendar, reportDue, a.today) >= a.policy.reminderAfterDays ? 'late' : 'reminder';
  }
  const level = c.level === 'red' ? 'red' : c.level === 'yellow' || report === 'late' ? 'yellow' : 'ok';
  return {
    dueDate: c.dueDate,
    usedDays: c.usedDays,
    pausedDays: c.pausedDays,
    daysLeft: c.daysLeft,
    paused: c.paused,
    reportDue,
    report,
    level,
  };
}

export interface BlockageInput {
  class: BlockageClass;
  unit: string | null;
  text: string;
}

/** Whether an action on a problem must record the blockage cause: a missed deadline or an extension. */
export function blockageRequired(a: { today: IsoDate; dueDate: IsoDate; extending: boolean }): boolean {
  return a.extending || a.today > a.dueDate;
}

/** A cause names the responsible unit exactly when its class is a unit's responsibility, always with a sentence. */
export function blockageProblem(b: BlockageInput | null, required: boolean): string | null {
  if (b === null) return required ? 'pr.blockage.required' : null;
  if (b.class === 'unit' && !b.unit) return 'pr.blockage.unitNeeded';
  if (b.class !== 'unit' && b.unit) return 'pr.blockage.unitOnlyForUnit';
  if (b.text.trim() === '') return 'pr.blockage.textNeeded';
  return null;
}
