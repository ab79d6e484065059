import { z } from 'zod';
import { id, version } from '../schemas/common';
import { BLOCKAGE_CLASSES, DEPARTMENT_KINDS, PROBLEM_GRADES, PROBLEM_SOURCES, PROBLEM_STATES, REPORT_KINDS } from '../domain/problems';

/** What the problem channels answer (domain §12). Department and category codes are Settings, so plain strings. */

const stamp = () => z.string();
const level = z.enum(['ok', 'yellow', 'red']);

export const departmentSchema = z.strictObject({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  reviewUnit: z.boolean(),
  active: z.boolean(),
});
export type Department = z.infer<typeof departmentSchema>;

export const categorySchema = z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean() });
export type ProblemCategory = z.infer<typeof categorySchema>;

export const policySchema = z.strictObject({
  coordinator: z.string(),
  limits: z.strictObject({ park: z.number().int(), district: z.number().int(), city: z.number().int() }),
  reportEveryDays: z.number().int(),
  reminderAfterDays: z.number().int(),
  warningDays: z.number().int(),
});

export const problemSettingsSchema = z.strictObject({
  departments: z.array(departmentSchema),
  categories: z.array(categorySchema),
  policy: policySchema,
  /** The caller's own department (null: none), so forms show only what the desk will allow. */
  myDepartment: z.string().nullable(),
});
export type ProblemSettings = z.infer<typeof problemSettingsSchema>;

export const problemClockSchema = z.strictObject({
  dueDate: z.string(),
  usedDays: z.number(),
  pausedDays: z.number(),
  daysLeft: z.number(),
  paused: z.boolean(),
  reportDue: z.string(),
  report: z.enum(['ok', 'reminder', 'late']),
  level,
});

export const problemRowSchema = z.strictObject({
  id: id(),
  problemNo: z.string(),
  firmName: z.string(),
  creditCode: z.string(),
  title: z.string(),
  category: z.string(),
  grade: z.enum(PROBLEM_GRADES).nullable(),
  state: z.enum(PROBLEM_STATES),
  lead: z.string().nullable(),
  dueDate: z.string().nullable(),
  level,
  reassignCount: z.number().int(),
  isDemo: z.boolean(),
});
export type ProblemRow = z.infer<typeof problemRowSchema>;

export const blockageSchema = z.strictObject({
  id: id(),
  at: stamp(),
  trigger: z.enum(['overdue', 'extend', 'reassign']),
  class: z.enum(BLOCKAGE_CLASSES),
  unit: z.string().nullable(),
  lead: z.string(),
  text: z.string(),
});

export const problemViewSchema = z.strictObject({
  id: id(),
  version: version(),
  problemNo: z.string(),
  creditCode: z.string(),
  firmName: z.string(),
  filingId: id().nullable(),
  title: z.string(),
  request: z.string(),
  source: z.enum(PROBLEM_SOURCES),
  category: z.string(),
  state: z.enum(PROBLEM_STATES),
  grade: z.enum(PROBLEM_GRADES).nullable(),
  suggestedGrade: z.enum(PROBLEM_GRADES).nullable(),
  gradeReason: z.string(),
  lead: z.string().nullable(),
  cooperating: z.array(z.string()),
  nextStep: z.string(),
  createdDept: z.string(),
  createdAt: stamp(),
  closedAt: stamp().nullable(),
  reassignCount: z.number().int(),
  unsatisfiedCount: z.number().int(),
  isDemo: z.boolean(),
  clock: problemClockSchema.nullable(),
  pause: z.strictObject({ since: z.string(), reason: z.string() }).nullable(),
  attachments: z.array(z.strictObject({ id: id(), name: z.string(), mime: z.string(), size: z.number() })),
  assignments: z.array(
    z.strictObject({
      lead: z.string(),
      cooperating: z.array(z.string()),
      meetingId: id().nullable(),
      opinion: z.string(),
      reason: z.string(),
      limitDays: z.number().int(),
      from: stamp(),
      to: stamp().nullable(),
      by: z.string().nullable(),
    }),
  ),
  reports: z.array(
    z.strictObject({
      id: id(),
      kind: z.enum(REPORT_KINDS),
      department: z.string(),
      at: stamp(),
      author: z.string().nullable(),
      text: z.string(),
    }),
  ),
  visits: z.array(z.strictObject({ at: stamp(), satisfied: z.boolean(), notes: z.string(), by: z.string().nullable() })),
  blockages: z.array(blockageSchema),
});
export type ProblemView = z.infer<typeof problemViewSchema>;

/** The map: lanes per department, who held it and when, hand-overs, every report; one sentence on top. */
export const problemTrajectorySchema = z.strictObject({
  problemId: id(),
  problemNo: z.string(),
  summary: z.strictObject({
    state: z.enum(PROBLEM_STATES),
    holder: z.string().nullable(),
    sinceDays: z.number(),
    reasonKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    causeClass: z.enum(BLOCKAGE_CLASSES).nullable(),
  }),
  lanes: z.array(z.string()),
  intervals: z.array(
    z.strictObject({
      party: z.string(),
      from: stamp(),
      to: stamp().nullable(),
      counted: z.boolean(),
      overdue: z.boolean(),
      label: z.string(),
    }),
  ),
  events: z.array(z.strictObject({ at: stamp(), party: z.string(), kind: z.string(), label: z.string(), actor: z.string().nullable() })),
  clock: z.strictObject({ countedDays: z.number(), pausedDays: z.number(), dueDate: z.string().nullable(), level }),
  from: stamp(),
  to: stamp(),
});
export type ProblemTrajectory = z.infer<typeof problemTrajectorySchema>;

const countRow = z.strictObject({ key: z.string(), n: z.number().int() });

/** Common blockages (共性堵点) across problems, each cell drillable to its problems through problem.list. */
export const blockageViewSchema = z.strictObject({
  total: z.number().int(),
  byState: z.array(countRow),
  causes: z.array(
    z.strictObject({ category: z.string(), class: z.enum(BLOCKAGE_CLASSES), unit: z.string().nullable(), n: z.number().int() }),
  ),
  solveDays: z.array(
    z.strictObject({
      category: z.string(),
      grade: z.enum(PROBLEM_GRADES),
      n: z.number().int(),
      median: z.number().nullable(),
      p90: z.number().nullable(),
    }),
  ),
  overdueByLead: z.array(countRow),
  reassignments: z.array(countRow),
  unsatisfiedVisits: z.number().int(),
  tookMs: z.number(),
});
export type BlockageView = z.infer<typeof blockageViewSchema>;
