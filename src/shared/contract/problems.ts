import { z } from 'zod';
import { channel } from './define';
import { departmentCode as dept, distinct, empty, id, idempotencyKey, isoDate, nameText, opinionText, version } from '../schemas/common';
import { creditCodeProblem } from '../domain/identifiers';
import { BLOCKAGE_CLASSES, PROBLEM_GRADES, PROBLEM_SOURCES, PROBLEM_STATES } from '../domain/problems';
import { blockageViewSchema, problemSettingsSchema, problemRowSchema, problemTrajectorySchema, problemViewSchema } from './problems-views';
import { meetingViewSchema } from './meetings';

/**
 * Enterprise problems (企业诉求, domain §12). Every channel is open to signed-in accounts; what each may do is
 * decided by their department in the handler (problemPermission) and, where SQL can hold it, by a trigger.
 */

const creditCode = () =>
  z
    .string({ error: 'v.text' })
    .transform((s) => s.trim().toUpperCase())
    .superRefine((s, ctx) => {
      const p = s === '' ? 'empty' : creditCodeProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: p === 'empty' ? 'v.required' : `v.creditCode.${p}` });
    });
const fileUpload = z.strictObject({
  name: nameText(),
  contentBase64: z.string().max(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4, { error: 'v.file.tooLarge' }),
});
const cooperating = () => z.array(dept()).max(10, { error: 'v.tooMany' }).refine(distinct, { error: 'v.pr.duplicate' });

/** The cause of a blockage, recorded whenever a deadline is missed or extended. */
export const blockageInput = z.strictObject({
  class: z.enum(BLOCKAGE_CLASSES, { error: 'v.choice' }),
  unit: dept().nullable(),
  text: opinionText(),
});
export type BlockageInputValue = z.input<typeof blockageInput>;

export const problemCreateSchema = z.strictObject({
  creditCode: creditCode(),
  firmName: nameText(),
  filingId: id().nullable(),
  title: nameText(),
  request: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
  source: z.enum(PROBLEM_SOURCES, { error: 'v.choice' }),
  category: dept(),
  attachments: z.array(fileUpload).max(10, { error: 'v.tooMany' }),
  idempotencyKey: idempotencyKey(),
});
export type ProblemCreateInput = z.input<typeof problemCreateSchema>;

export const problemDispatchSchema = z.strictObject({
  problemId: id(),
  version: version(),
  /** The assignment meeting it is dispatched at; null when the desk dispatches outside a meeting. */
  meetingId: id().nullable(),
  lead: dept(),
  cooperating: cooperating(),
  grade: z.enum(PROBLEM_GRADES, { error: 'v.choice' }),
  /** Why the grade differs from the suggested one (empty when it does not). */
  gradeReason: opinionText(),
  /** 下步工作意见 */
  opinion: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
});
export type ProblemDispatchInput = z.input<typeof problemDispatchSchema>;

const problemRef = { problemId: id(), version: version() };

export const problemListInput = z.strictObject({
  states: z.array(z.enum(PROBLEM_STATES, { error: 'v.choice' })).max(PROBLEM_STATES.length),
  lead: dept().nullable(),
  category: dept().nullable(),
  grade: z.enum(PROBLEM_GRADES).nullable(),
  /** Drill-downs from the blockage view. */
  causeClass: z.enum(BLOCKAGE_CLASSES).nullable(),
  causeUnit: dept().nullable(),
  overdueOnly: z.boolean(),
  reassignedOnly: z.boolean(),
  unsatisfiedOnly: z.boolean(),
  /** Only problems the caller's department leads or co-operates on. */
  mineOnly: z.boolean(),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(200),
});
export type ProblemListInput = z.output<typeof problemListInput>;

export const problemsContract = {
  'problem.settings': channel({ input: empty, output: problemSettingsSchema, access: 'user', writes: false }),
  'problem.create': channel({
    input: problemCreateSchema,
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
    idempotent: true,
  }),
  'problem.dispatch': channel({
    input: problemDispatchSchema,
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  /** Progress by the lead unit, or a note by any involved department. */
  'problem.report': channel({
    input: z.strictObject({
      problemId: id(),
      kind: z.enum(['progress', 'note'], { error: 'v.choice' }),
      text: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
    }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  /** The desk hands the problem to another lead unit; its clock starts afresh by grade. */
  'problem.reassign': channel({
    input: z.strictObject({
      ...problemRef,
      lead: dept(),
      cooperating: cooperating(),
      reason: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
      blockage: blockageInput.nullable(),
    }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  'problem.extend': channel({
    input: z.strictObject({ ...problemRef, days: z.number().int().min(1).max(120), blockage: blockageInput }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  /** The clock pauses while waiting for the firm (documents, its own decision), with the reason. */
  'problem.pause': channel({
    input: z.strictObject({ ...problemRef, pause: z.boolean(), reason: nameText() }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  /** The lead unit reports it solved (what was done); past the deadline it names the blockage cause. */
  'problem.resolve': channel({
    input: z.strictObject({
      ...problemRef,
      text: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
      blockage: blockageInput.nullable(),
    }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  /** The return visit (回访): satisfied closes it (销号); not satisfied reopens it with its history. */
  'problem.visit': channel({
    input: z.strictObject({ ...problemRef, satisfied: z.boolean(), notes: opinionText().pipe(z.string().min(1, { error: 'v.required' })) }),
    output: problemViewSchema,
    access: ['clerk', 'reviewer', 'observer'],
    writes: true,
  }),
  'problem.list': channel({
    input: problemListInput,
    output: z.strictObject({ total: z.number().int(), rows: z.array(problemRowSchema) }),
    access: 'user',
    writes: false,
  }),
  'problem.get': channel({ input: z.strictObject({ problemId: id() }), output: problemViewSchema, access: 'user', writes: false }),
  'problem.trajectory': channel({
    input: z.strictObject({ problemId: id() }),
    output: problemTrajectorySchema,
    access: 'user',
    writes: false,
  }),
  'problem.blockages': channel({ input: empty, output: blockageViewSchema, access: 'user', writes: false }),
  /** An assignment meeting (企业问题交办会): a joint session whose agenda is problems awaiting dispatch. */
  'problem.meetingCreate': channel({
    input: z.strictObject({
      date: isoDate(),
      time: z.string({ error: 'v.time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'v.time' }),
      place: nameText(),
      agenda: z
        .array(id())
        .min(1, { error: 'v.meeting.agendaEmpty' })
        .max(30, { error: 'v.tooMany' })
        .refine(distinct, { error: 'v.meeting.duplicate' }),
      idempotencyKey: idempotencyKey(),
    }),
    output: meetingViewSchema,
    access: ['clerk'],
    writes: true,
    idempotent: true,
  }),
  /** The problems on a meeting's agenda, in order (empty for a joint-review session). */
  'problem.meetingAgenda': channel({
    input: z.strictObject({ meetingId: id() }),
    output: z.array(problemRowSchema),
    access: 'user',
    writes: false,
  }),
  /** An account's department, when not the one its role implies (admin). */
  'problem.setDepartment': channel({
    input: z.strictObject({ userId: id(), department: dept().nullable() }),
    output: z.strictObject({ ok: z.literal(true) }),
    access: ['admin'],
    writes: true,
  }),
};
