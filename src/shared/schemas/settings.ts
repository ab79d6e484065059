import { z } from 'zod';
import { UNIT_CODES } from '../domain/units';
import { DEFAULT_FACT_COVERAGE } from '../domain/coverage';
import { nameText, optionalName, unitCode } from './common';
import { DEFAULT_NUMBER_PATTERN, numberPatternProblem } from '../domain/certificate-number';

const code = () => z.string().regex(/^[a-z0-9_-]{1,32}$/, { error: 'v.code' });

export const materialTypeSchema = z.strictObject({
  code: code(),
  /** Display order and the number printed on notices. */
  no: z.number().int().min(1).max(999),
  nameZh: nameText(),
  nameEn: nameText(),
  /**
   * core: must be present to accept. eligible: may be missing under conditional acceptance.
   * `applies` narrows when a material is required at all (domain §5 "when applicable").
   */
  kind: z.enum(['core', 'eligible']),
  applies: z.enum(['always', 'keyProcessOrExothermic', 'firstUse', 'anythingMissing']),
  /** Longest supply deadline in working days (eligible materials only). */
  maxDays: z.number().int().min(1).max(250).nullable(),
  /** Form it must take, printed on the conditional-acceptance notice. */
  formZh: optionalName(),
  formEn: optionalName(),
  checkedBy: z.array(unitCode()).min(1),
});
export type MaterialType = z.infer<typeof materialTypeSchema>;

export const checklistItemSchema = z.strictObject({
  code: code(),
  textZh: nameText(),
  textEn: nameText(),
  /**
   * The papers (material type codes) the item answers, opened beside it in the decision form. Each must name a
   * material type of these settings (checklistPaperProblems); older stored settings lack the list.
   */
  papers: z.array(code()).max(10).default([]),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** One row of the fact → unit table (domain §6): record fields and the units whose decisions cover them. */
export const coverageRowSchema = z.strictObject({
  key: code(),
  fields: z
    .array(z.string().regex(/^(applicant|project)\.[a-zA-Z][a-zA-Z0-9]{0,40}$/, { error: 'v.code' }))
    .min(1)
    .max(40),
  units: z.array(unitCode()).max(5),
});

export const parkSchema = z.strictObject({
  id: code(),
  nameZh: nameText(),
  nameEn: nameText(),
  bases: z.array(z.strictObject({ id: code(), nameZh: nameText(), nameEn: nameText(), slots: z.number().int().min(0).max(10000) })),
});
export type Park = z.infer<typeof parkSchema>;

const unitRecord = <T extends z.ZodType>(t: T) =>
  z.strictObject(Object.fromEntries(UNIT_CODES.map((u) => [u, t])) as Record<(typeof UNIT_CODES)[number], T>);

export const settingsSchema = z.strictObject({
  units: unitRecord(z.strictObject({ nameZh: nameText(), nameEn: nameText() })),
  checklists: unitRecord(z.array(checklistItemSchema).min(1).max(50)),
  parks: z.array(parkSchema).min(1).max(100),
  materialTypes: z.array(materialTypeSchema).min(1).max(100),
  timeLimits: z.strictObject({
    acceptanceDays: z.number().int().min(1).max(60),
    reviewDays: z.number().int().min(1).max(120),
    certificateDays: z.number().int().min(1).max(60),
    warningDays: z.number().int().min(0).max(30),
    reminderDays: z.array(z.number().int().min(0).max(60)).max(5),
    graceDays: z.number().int().min(0).max(120),
  }),
  runPeriod: z.strictObject({
    maxMonths: z.number().int().min(1).max(60),
    maxExtensionMonths: z.number().int().min(0).max(36),
  }),
  certificate: z.strictObject({
    /** e.g. 滨海化中试备 → 滨海化中试备〔2026〕1号 */
    prefix: nameText(),
    /** The number's form (domain §8); older stored settings lack it and get the GB/T 9704 default. */
    numberPattern: z
      .string()
      .max(80)
      .refine((p) => numberPatternProblem(p) === null, { error: 'v.cert.numberPattern' })
      .default(DEFAULT_NUMBER_PATTERN),
    issuerZh: nameText(),
    issuerEn: nameText(),
  }),
  /** Domain §5 policy: may a conditionally accepted filing be registered before its items arrive? */
  conditionalPolicy: z.enum(['registerWithHold', 'lock']),
  /** Whether the 24-character investment-project code is required (domain §4: optional by default). */
  projectCodeRequired: z.boolean(),
  /** Which facts a unit covers (domain §6); desks set up before the table existed start from the defaults. */
  factCoverage: z
    .array(coverageRowSchema)
    .max(40)
    .default(() => structuredClone(DEFAULT_FACT_COVERAGE)),
  /** session-1: a session ends after this long without a request, and this long after sign-in in any case. */
  sessions: z
    .strictObject({ idleMinutes: z.number().int().min(5).max(1440), absoluteHours: z.number().int().min(1).max(720) })
    .default({ idleMinutes: 30, absoluteHours: 12 }),
});
export type Settings = z.infer<typeof settingsSchema>;
