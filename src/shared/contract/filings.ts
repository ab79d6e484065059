import { z } from 'zod';
import { channel } from './define';
import { empty, id, idempotencyKey, isoDate, nameText, okOutput, opinionText, unitCode, version, optionalName } from '../schemas/common';
import { filingFieldsSchema } from '../schemas/filing';
import { settingsSchema } from '../schemas/settings';
import { ACCEPTANCE_DECISIONS, FILING_STATES, MATERIAL_STATES } from '../domain/states';

const stamp = () => z.string(); // ISO timestamps produced by the main process

export const attachmentSchema = z.strictObject({
  id: id(),
  materialCode: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  uploadedAt: stamp(),
});

export const materialViewSchema = z.strictObject({
  code: z.string(),
  state: z.enum(MATERIAL_STATES),
  /** Whether the material applies to this filing under the configured rules. */
  applicable: z.boolean(),
  kind: z.enum(['core', 'eligible']),
  note: z.string(),
  attachments: z.array(attachmentSchema),
});

export const trackedItemSchema = z.strictObject({
  id: id(),
  filingId: id(),
  kind: z.enum(['material', 'condition']),
  materialCode: z.string().nullable(),
  text: z.string(),
  verifyingUnit: unitCode(),
  dueDate: z.string(),
  blocks: z.enum(['notice', 'hold', 'lock']),
  state: z.enum(['open', 'supplied', 'closed', 'notApplied']),
  note: z.string(),
  createdAt: stamp(),
  closedAt: stamp().nullable(),
});
export type TrackedItem = z.infer<typeof trackedItemSchema>;

export const acceptanceViewSchema = z.strictObject({
  decision: z.enum(ACCEPTANCE_DECISIONS),
  reason: z.string(),
  corrections: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: stamp(),
});

export const filingViewSchema = z.strictObject({
  id: id(),
  filingNo: z.string(),
  state: z.enum(FILING_STATES),
  version: version(),
  fields: filingFieldsSchema,
  materials: z.array(materialViewSchema),
  acceptance: acceptanceViewSchema.nullable(),
  trackedItems: z.array(trackedItemSchema),
  isDemo: z.boolean(),
  createdAt: stamp(),
  updatedAt: stamp(),
  submittedAt: stamp().nullable(),
  /** Current step's deadline on the working-day calendar, and days left (negative when overdue). */
  clock: z
    .strictObject({ step: z.string(), dueDate: z.string().nullable(), daysLeft: z.number().nullable(), paused: z.boolean() })
    .nullable(),
});
export type FilingView = z.infer<typeof filingViewSchema>;

export const LIST_SORT_COLUMNS = [
  'filingNo',
  'applicantName',
  'creditCode',
  'projectName',
  'state',
  'parkId',
  'updatedAt',
  'submittedAt',
  'dueDate',
] as const;

export const filingListInput = z.strictObject({
  // The same text rules as every other field (no NUL, bidi controls or lone surrogates), so bad input is INVALID
  // with the field's message rather than an error from the search engine.
  query: optionalName().transform((s) => s.trim()),
  states: z.array(z.enum(FILING_STATES)).max(FILING_STATES.length),
  parkId: z.string().max(64).nullable(),
  unit: unitCode().nullable(),
  overdueOnly: z.boolean(),
  sort: z.enum(LIST_SORT_COLUMNS),
  dir: z.enum(['asc', 'desc']),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
export type FilingListInput = z.output<typeof filingListInput>;

export const filingRowSchema = z.strictObject({
  id: id(),
  filingNo: z.string(),
  state: z.enum(FILING_STATES),
  applicantName: z.string(),
  creditCode: z.string(),
  projectName: z.string(),
  parkId: z.string(),
  updatedAt: stamp(),
  submittedAt: stamp().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  conditional: z.boolean(),
  /** Due dates of open tracked items, earliest first. */
  itemDueDates: z.array(z.string()),
  isDemo: z.boolean(),
});
export type FilingRow = z.infer<typeof filingRowSchema>;

const fileUpload = z.strictObject({
  name: nameText(),
  /** Base64 of the file's bytes; 20 MiB decoded at most (checked again after decoding). */
  contentBase64: z.string().max(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4, { error: 'v.file.tooLarge' }),
});

export const filingsContract = {
  'filing.create': channel({
    input: z.strictObject({ fields: filingFieldsSchema }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'filing.update': channel({
    input: z.strictObject({ id: id(), version: version(), fields: filingFieldsSchema }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'filing.get': channel({ input: z.strictObject({ id: id() }), output: filingViewSchema, access: 'user', writes: false }),
  'filing.list': channel({
    input: filingListInput,
    output: z.strictObject({ total: z.number(), rows: z.array(filingRowSchema) }),
    access: 'user',
    writes: false,
  }),
  'filing.submit': channel({
    input: z.strictObject({ id: id(), version: version() }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'material.setState': channel({
    input: z.strictObject({
      filingId: id(),
      version: version(),
      code: z.string().max(32),
      state: z.enum(MATERIAL_STATES),
      note: opinionText(),
    }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'material.attach': channel({
    input: z.strictObject({ filingId: id(), version: version(), code: z.string().max(32), file: fileUpload }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
  'acceptance.decide': channel({
    input: z.strictObject({
      filingId: id(),
      version: version(),
      decision: z.enum(ACCEPTANCE_DECISIONS),
      reason: opinionText(),
      /** Correction notice: every point to correct, listed at once (一次性告知). */
      corrections: z.array(opinionText()).max(100),
      /** Conditional acceptance: the supply deadline chosen for each missing material (≤ its maximum). */
      deadlines: z.array(z.strictObject({ materialCode: z.string().max(32), dueDate: isoDate() })).max(50),
      idempotencyKey: idempotencyKey(),
    }),
    output: filingViewSchema,
    access: ['clerk'],
    writes: true,
    idempotent: true,
  }),
  /** Default deadlines a conditional acceptance would give today, for the form. */
  'acceptance.preview': channel({
    input: z.strictObject({ filingId: id() }),
    output: z.strictObject({
      eligible: z.boolean(),
      problems: z.array(z.strictObject({ key: z.string(), materialCode: z.string().nullable() })),
      missing: z.array(z.strictObject({ materialCode: z.string(), maxDueDate: z.string() })),
    }),
    access: 'user',
    writes: false,
  }),
};

export const settingsContract = {
  'settings.get': channel({ input: empty, output: settingsSchema, access: 'user', writes: false }),
  'settings.update': channel({ input: settingsSchema, output: settingsSchema, access: ['admin'], writes: true }),
};

export const auditEntrySchema = z.strictObject({
  seq: z.number(),
  at: stamp(),
  actor: z.string().nullable(),
  unit: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  hash: z.string(),
});

export const auditContract = {
  'audit.verify': channel({
    input: empty,
    output: z.strictObject({
      ok: z.boolean(),
      entries: z.number(),
      head: z.string(),
      problem: z.string().nullable(),
      badSeq: z.number().nullable(),
    }),
    access: ['admin', 'observer'],
    writes: false,
  }),
  'audit.list': channel({
    input: z.strictObject({ beforeSeq: z.number().int().positive().nullable(), limit: z.number().int().min(1).max(500) }),
    output: z.array(auditEntrySchema),
    access: ['admin', 'observer'],
    writes: false,
  }),
  'demo.load': channel({ input: empty, output: z.strictObject({ filings: z.number() }), access: 'public', writes: true }),
  'app.ping': channel({ input: empty, output: okOutput, access: 'public', writes: false }),
};
