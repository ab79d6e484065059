import { z } from 'zod';
import { channel } from './define';
import { empty, id, idempotencyKey, nameText, opinionText, unitCode, version } from '../schemas/common';
import { decisionProblems, REVIEW_DECISIONS } from '../domain/review';
import { FILING_STATES } from '../domain/states';
import { PARTIES } from '../domain/units';

const stamp = () => z.string();

export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export const BLOCKS = ['notice', 'hold', 'lock'] as const;

export const checklistAnswerSchema = z.strictObject({
  code: z.string().max(32),
  result: z.enum(CHECK_RESULTS, { error: 'v.choice' }),
  note: opinionText(),
});

/** A condition attached to "approve with conditions" (domain §6). Due in working days from the decision. */
export const conditionInputSchema = z.strictObject({
  text: opinionText().pipe(z.string().min(1, { error: 'v.required' })),
  verifyingUnit: unitCode(),
  dueDays: z.number({ error: 'v.number' }).int().min(1, { error: 'v.tooSmall' }).max(250, { error: 'v.tooBig' }),
  blocks: z.enum(BLOCKS, { error: 'v.choice' }),
});

/**
 * What a reviewer decides for one section. `section` names the unit section being decided (the target);
 * who decides is never in the request — it is the signed-in user (or, at a joint session, the reviewer who
 * confirms with their own password through `meeting.confirmDecision`).
 */
export const decisionInputSchema = z
  .strictObject({
    filingId: id(),
    section: unitCode(),
    round: z.number().int().min(1),
    /** The filing version the reviewer was looking at; a newer version answers STALE. */
    filingVersion: version(),
    decision: z.enum(REVIEW_DECISIONS, { error: 'v.choice' }),
    opinion: opinionText(),
    notInvolvedReason: opinionText(),
    checklist: z.array(checklistAnswerSchema).max(50),
    conditions: z.array(conditionInputSchema).max(20),
    idempotencyKey: idempotencyKey(),
  })
  .superRefine((d, ctx) => {
    for (const p of decisionProblems(d)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.key });
  });
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const decisionViewSchema = z.strictObject({
  id: id(),
  round: z.number().int(),
  section: unitCode(),
  decision: z.enum(REVIEW_DECISIONS),
  opinion: z.string(),
  notInvolvedReason: z.string(),
  checklist: z.array(z.strictObject({ code: z.string(), result: z.enum(CHECK_RESULTS), note: z.string() })),
  conditions: z.array(z.strictObject({ text: z.string(), verifyingUnit: unitCode(), dueDate: z.string(), blocks: z.enum(BLOCKS) })),
  decidedById: id(),
  decidedBy: z.string(),
  decidedAt: stamp(),
  /** 'desk' = at the reviewer's own desk; 'session' = confirmed with their password at a joint session. */
  confirmedVia: z.enum(['desk', 'session']),
  meetingId: id().nullable(),
  filingVersion: version(),
  factsHash: z.string(),
  stale: z.boolean(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const sectionViewSchema = z.strictObject({
  section: unitCode(),
  /** The unit decides in the current round. */
  inRound: z.boolean(),
  current: decisionViewSchema.nullable(),
  history: z.array(decisionViewSchema),
  /** Failed checklist items and open comments from earlier rounds, carried over (domain §6). */
  carriedOver: z.array(z.strictObject({ round: z.number(), code: z.string(), note: z.string() })),
});

export const roundViewSchema = z.strictObject({
  number: z.number().int(),
  units: z.array(unitCode()),
  openedAt: stamp(),
  closedAt: stamp().nullable(),
  outcome: z.enum(['pending', 'rejected', 'supplementRequested', 'approvedWithConditions', 'approved']),
});

export const reviewViewSchema = z.strictObject({
  filingId: id(),
  filingVersion: version(),
  state: z.enum(FILING_STATES),
  currentRound: z.number().int().nullable(),
  rounds: z.array(roundViewSchema),
  sections: z.array(sectionViewSchema),
  /** The one notice listing everything every unit asked for when the round ended in revise. */
  supplementRequest: z
    .array(
      z.strictObject({
        section: unitCode(),
        opinion: z.string(),
        failedItems: z.array(z.string()),
        /** The reviewer's note on each failed item, by item code. */
        notes: z.record(z.string(), z.string()),
      }),
    )
    .nullable(),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

/**
 * Whose work a row is (domain §9 "Whose work waits where"): a unit's section to decide, or the clerk's own —
 * the acceptance decision, the certificate after approval — or the applicant's, which the clerk follows.
 */
export const INBOX_WORK = ['review', 'acceptance', 'certificate', 'applicant'] as const;

export const inboxRowSchema = z.strictObject({
  work: z.enum(INBOX_WORK),
  filingId: id(),
  filingNo: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  state: z.enum(FILING_STATES),
  round: z.number().int().nullable(),
  /** Sections waiting in this row (a reviewer sees their own; clerks see all units). */
  sections: z.array(unitCode()),
  staleSections: z.array(unitCode()),
  waitingSince: stamp(),
  dueDate: z.string().nullable(),
  daysLeft: z.number().nullable(),
  level: z.enum(['ok', 'yellow', 'red']),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;

export const trajectorySchema = z.strictObject({
  filingId: id(),
  filingNo: z.string(),
  /** One sentence on top: current step, whose move, for how long, why it waits — as catalogue key + params. */
  summary: z.strictObject({
    step: z.string(),
    holder: z.enum(PARTIES).nullable(),
    sinceDays: z.number(),
    reasonKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  lanes: z.array(z.enum(PARTIES)),
  intervals: z.array(
    z.strictObject({
      party: z.enum(PARTIES),
      from: stamp(),
      to: stamp().nullable(),
      counted: z.boolean(),
      overdue: z.boolean(),
      label: z.string(),
    }),
  ),
  events: z.array(
    z.strictObject({ at: stamp(), party: z.enum(PARTIES), kind: z.string(), label: z.string(), actor: z.string().nullable() }),
  ),
  clock: z.strictObject({
    countedDays: z.number(),
    pausedDays: z.number(),
    dueDate: z.string().nullable(),
    level: z.enum(['ok', 'yellow', 'red']),
  }),
  from: stamp(),
  to: stamp(),
});
export type Trajectory = z.infer<typeof trajectorySchema>;

const labelPartSchema = z.strictObject({ key: z.string(), params: z.record(z.string(), z.number()).optional() });
const describedChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), path: z.string(), label: z.array(labelPartSchema), before: z.unknown(), after: z.unknown() }),
  z.strictObject({
    kind: z.literal('paper'),
    path: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    stateBefore: z.string().nullable(),
    stateAfter: z.string().nullable(),
    added: z.array(z.string().nullable()),
    removed: z.array(z.string().nullable()),
  }),
]);

export const reviewContract = {
  'review.get': channel({ input: z.strictObject({ filingId: id() }), output: reviewViewSchema, access: 'user', writes: false }),
  'review.decide': channel({ input: decisionInputSchema, output: reviewViewSchema, access: ['reviewer'], writes: true, idempotent: true }),
  /** Exactly what changed since the section's reviewer signed: field and material paths, old beside new. */
  'review.diff': channel({
    input: z.strictObject({ filingId: id(), section: unitCode() }),
    output: z.strictObject({
      signedVersion: version().nullable(),
      currentVersion: version(),
      changes: z.array(z.strictObject({ path: z.string(), before: z.unknown(), after: z.unknown() })),
      /** The same changes in words (domain §6): field labels, papers by name with the files added or removed. */
      described: z.array(describedChangeSchema),
    }),
    access: 'user',
    writes: false,
  }),
  'review.inbox': channel({ input: empty, output: z.array(inboxRowSchema), access: ['reviewer', 'clerk', 'observer'], writes: false }),
  /** The clerk records the applicant's supplement; the paused clock resumes and the next round opens. */
  'review.recordSupplement': channel({
    input: z.strictObject({ filingId: id(), version: version(), note: opinionText(), idempotencyKey: idempotencyKey() }),
    output: reviewViewSchema,
    access: ['clerk'],
    writes: true,
    idempotent: true,
  }),
  /** Pause or resume the review clock (expert review), with the reason recorded. */
  'review.pauseClock': channel({
    input: z.strictObject({ filingId: id(), version: version(), pause: z.boolean(), reason: nameText() }),
    output: reviewViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'trajectory.get': channel({ input: z.strictObject({ filingId: id() }), output: trajectorySchema, access: 'user', writes: false }),
};
