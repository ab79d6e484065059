import { z } from 'zod';
import { channel } from './define';
import { id, idempotencyKey, isoDate, nameText, opinionText, unitCode, version } from '../schemas/common';
import { decisionInputSchema, reviewViewSchema } from './review';
import { FILING_STATES } from '../domain/states';

/**
 * Joint review sessions (联审会议, domain §3 and §6). In code a session is a "meeting", so it is never confused
 * with a login session. The host (a clerk) is signed in; each unit's reviewer confirms their own decision on the
 * shared screen with their own password (step-up), so no decision is ever made under the host's login.
 */

const stamp = () => z.string();
const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const MEETING_STATES = ['scheduled', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const meetingCreateSchema = z.strictObject({
  date: isoDate(),
  time: z.string({ error: 'v.time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'v.time' }),
  place: nameText(),
  /** Filings in review, in the order the session takes them. */
  agenda: z
    .array(id())
    .min(1, { error: 'v.meeting.agendaEmpty' })
    .max(30, { error: 'v.tooMany' })
    .refine(distinct, { error: 'v.meeting.duplicate' }),
  units: z.array(unitCode()).min(1, { error: 'v.meeting.unitsEmpty' }).max(5).refine(distinct, { error: 'v.meeting.duplicate' }),
  idempotencyKey: idempotencyKey(),
});
export type MeetingCreateInput = z.input<typeof meetingCreateSchema>;

export const agendaItemSchema = z.strictObject({
  position: z.number().int().nonnegative(),
  filingId: id(),
  filingNo: z.string(),
  projectName: z.string(),
  applicantName: z.string(),
  state: z.enum(FILING_STATES),
});

export const attendeeSchema = z.strictObject({ userId: id(), username: z.string(), displayName: z.string() });

export const meetingViewSchema = z.strictObject({
  id: id(),
  version: version(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  hostId: id(),
  hostName: z.string(),
  state: z.enum(MEETING_STATES),
  units: z.array(unitCode()),
  agenda: z.array(agendaItemSchema),
  /** Per invited unit: the reviewer accounts recorded as present (empty = the unit is absent). */
  attendance: z.array(z.strictObject({ unit: unitCode(), attendees: z.array(attendeeSchema) })),
  /** The host's place on the agenda and the unit section open on the shared screen; the audience follows both. */
  cursor: z.number().int().nonnegative(),
  focusUnit: unitCode().nullable(),
  createdAt: stamp(),
  startedAt: stamp().nullable(),
  closedAt: stamp().nullable(),
  minutes: z.strictObject({ bytes: z.number().int().nonnegative(), sha256: z.string() }).nullable(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const meetingRowSchema = z.strictObject({
  id: id(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  hostName: z.string(),
  state: z.enum(MEETING_STATES),
  units: z.array(unitCode()),
  agendaCount: z.number().int().nonnegative(),
  hasMinutes: z.boolean(),
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

const meetingId = z.strictObject({ meetingId: id() });

/** The reviewer named at the table: a username as typed (demo accounts have two-letter names). */
const reviewerUsername = () =>
  z
    .string({ error: 'v.text' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{1,32}$/, { error: 'v.username' });

export const confirmDecisionSchema = z.strictObject({
  meetingId: id(),
  decision: decisionInputSchema,
  reviewerUsername: reviewerUsername(),
  password: z.string({ error: 'v.text' }).min(1, { error: 'v.required' }).max(128, { error: 'v.password.long' }),
});
export type ConfirmDecisionInput = z.input<typeof confirmDecisionSchema>;

export const meetingsContract = {
  'meeting.create': channel({ input: meetingCreateSchema, output: meetingViewSchema, access: ['clerk'], writes: true, idempotent: true }),
  'meeting.get': channel({ input: meetingId, output: meetingViewSchema, access: 'user', writes: false }),
  'meeting.list': channel({ input: z.strictObject({}), output: z.array(meetingRowSchema), access: 'user', writes: false }),
  /** Who came for one unit, by reviewer account; an empty list records the unit as absent. */
  'meeting.setAttendance': channel({
    input: z.strictObject({
      meetingId: id(),
      unit: unitCode(),
      userIds: z.array(id()).max(10).refine(distinct, { error: 'v.meeting.duplicate' }),
    }),
    output: meetingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  /** Moves the shared screen: the agenda position and the open unit section (null = the overview). */
  'meeting.setCursor': channel({
    input: z.strictObject({ meetingId: id(), position: z.number().int().nonnegative().max(29), focusUnit: unitCode().nullable() }),
    output: meetingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  /** Step-up: the named reviewer's password, then the same decision path as review.decide, in their name. */
  'meeting.confirmDecision': channel({
    input: confirmDecisionSchema,
    output: reviewViewSchema,
    access: ['clerk'],
    writes: true,
    // The key travels with the decision; the retry is the reviewer's, who confirms at the table.
    idempotent: { keyOf: (input) => input.decision.idempotencyKey },
  }),
  /** Closes the session and files its minutes (会议纪要) PDF with it; `notes` add to a filing's next steps. */
  'meeting.close': channel({
    input: z.strictObject({
      meetingId: id(),
      version: version(),
      notes: z.array(z.strictObject({ filingId: id(), text: opinionText() })).max(30),
    }),
    output: meetingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
};
