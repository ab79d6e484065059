import { z } from 'zod';
import { HAZARDOUS_PROCESSES } from '../domain/units';
import { casProblem, creditCodeProblem, isValidMobile, isValidProjectCode } from '../domain/identifiers';
import { parseDateText, parseQuantity, quantityValueProblem } from '../domain/typed-input';
import { freeText, nameText, optionalName } from './common';

const creditCode = () =>
  z
    .string({ error: 'v.text' })
    .transform((s) => s.trim().toUpperCase())
    .superRefine((s, ctx) => {
      if (s === '') return;
      const p = creditCodeProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: `v.creditCode.${p}` });
    });

const cas = () =>
  z
    .string({ error: 'v.text' })
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (s === '') return;
      const p = casProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: `v.cas.${p}` });
    });

const mobile = () =>
  z
    .string({ error: 'v.text' })
    .transform((s) => s.replace(/[\s-]/g, ''))
    .refine((s) => s === '' || isValidMobile(s), { error: 'v.mobile' });

/** '' or an ISO date; what the form could not read as a day comes with the reason (format, or no such day). */
const optionalDate = () =>
  z.string({ error: 'v.date' }).superRefine((s, ctx) => {
    if (s === '') return;
    const p = parseDateText(s);
    if (!p.ok) ctx.addIssue({ code: 'custom', message: `v.date.${p.problem}` });
    else if (p.value !== s) ctx.addIssue({ code: 'custom', message: 'v.date.format' });
  });
/**
 * Quantities: non-negative, finite, with the unit fixed by the field (t, kg, t/a, m³). Typed text is read by the same
 * rule as the form (full-width digits allowed; "1,000", "1e3", "-3" refused), so the desk never stores a different number.
 */
const quantity = () =>
  z
    .union([z.number({ error: 'v.number' }), z.string({ error: 'v.number' })], { error: 'v.number' })
    .nullable()
    .transform((v, ctx): number | null => {
      if (v === null) return null;
      if (typeof v === 'number') {
        const problem = quantityValueProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: `v.quantity.${problem}` });
        return v;
      }
      const parsed = parseQuantity(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: `v.quantity.${parsed.problem}` });
      return z.NEVER;
    });

export const CREDIT_STATUSES = ['normal', 'default', 'repaired'] as const;
export const EIA_CATEGORIES = ['report', 'table', 'registration', 'exempt', 'pending'] as const;

export const applicantSchema = z.strictObject({
  name: optionalName(),
  creditCode: creditCode(),
  legalRepresentative: optionalName(),
  contactName: optionalName(),
  contactMobile: mobile(),
  address: optionalName(),
  creditStatus: z.enum(CREDIT_STATUSES, { error: 'v.choice' }),
  creditCheckedOn: optionalDate(),
});

export const productSchema = z.strictObject({ name: nameText(), cas: cas() });
export const chemicalSchema = z.strictObject({
  name: nameText(),
  cas: cas(),
  maxInProcessT: quantity(),
  maxStoredT: quantity(),
});

export const projectSchema = z.strictObject({
  name: optionalName(),
  projectCode: z
    .string({ error: 'v.text' })
    .transform((s) => s.trim())
    .refine((s) => s === '' || isValidProjectCode(s), { error: 'v.projectCode' }),
  // Park and base ids come from Settings; empty while a draft has none yet.
  parkId: z.string().regex(/^[a-z0-9_-]{0,32}$/, { error: 'v.park' }),
  baseId: z.string().regex(/^[a-z0-9_-]{0,32}$/, { error: 'v.base' }),
  bay: optionalName(),
  products: z.array(productSchema).max(50, { error: 'v.tooMany' }),
  routeSummary: freeText(),
  processes: z
    .array(z.enum(HAZARDOUS_PROCESSES, { error: 'v.choice' }))
    .max(18)
    .refine((a) => new Set(a).size === a.length, { error: 'v.duplicate' }),
  exothermic: z.boolean(),
  firstUseInChina: z.boolean(),
  chemicals: z.array(chemicalSchema).max(200, { error: 'v.tooMany' }),
  batchKg: quantity(),
  throughputTpa: quantity(),
  largestReactorM3: quantity(),
  hazardGrade: z.number().int().min(1, { error: 'v.hazardGrade' }).max(5, { error: 'v.hazardGrade' }).nullable(),
  eiaCategory: z.enum(EIA_CATEGORIES, { error: 'v.choice' }),
  wasteStreams: freeText(),
  plannedStart: optionalDate(),
  plannedEnd: optionalDate(),
});

/** The fields of a filing as a clerk edits them. Format is always checked; completeness only on submit. */
export const filingFieldsSchema = z.strictObject({ applicant: applicantSchema, project: projectSchema }).superRefine((f, ctx) => {
  const { plannedStart, plannedEnd } = f.project;
  if (plannedStart && plannedEnd && plannedEnd <= plannedStart)
    ctx.addIssue({ code: 'custom', path: ['project', 'plannedEnd'], message: 'v.endBeforeStart' });
});

export type FilingFields = z.output<typeof filingFieldsSchema>;
export type FilingFieldsInput = z.input<typeof filingFieldsSchema>;

/** Fields that must be filled before a filing can be submitted (domain §4). */
export const REQUIRED_FIELDS = [
  'applicant.name',
  'applicant.creditCode',
  'applicant.legalRepresentative',
  'applicant.contactName',
  'applicant.contactMobile',
  'applicant.address',
  'project.name',
  'project.parkId',
  'project.baseId',
  'project.bay',
  'project.routeSummary',
  'project.plannedStart',
  'project.plannedEnd',
] as const;

export function emptyFilingFields(): FilingFields {
  return {
    applicant: {
      name: '',
      creditCode: '',
      legalRepresentative: '',
      contactName: '',
      contactMobile: '',
      address: '',
      creditStatus: 'normal',
      creditCheckedOn: '',
    },
    project: {
      name: '',
      projectCode: '',
      parkId: '',
      baseId: '',
      bay: '',
      products: [],
      routeSummary: '',
      processes: [],
      exothermic: false,
      firstUseInChina: false,
      chemicals: [],
      batchKg: null,
      throughputTpa: null,
      largestReactorM3: null,
      hazardGrade: null,
      eiaCategory: 'pending',
      wasteStreams: '',
      plannedStart: '',
      plannedEnd: '',
    },
  };
}
