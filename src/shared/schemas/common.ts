import { z } from 'zod';
import { LIMITS, normalizeText, textLength, textProblem } from '../domain/text';
import { UNIT_CODES, ROLES } from '../domain/units';

/**
 * Every message in a schema is a catalogue key (prefix `v.`); dispatch and the renderer translate it.
 * Keys carry their parameters in the issue's `params` where needed.
 */
function hygienic(max: number, multiline: boolean) {
  return z
    .string({ error: 'v.text' })
    .transform((s) => normalizeText(s))
    .superRefine((s, ctx) => {
      const problem = textProblem(s, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: `v.text.${problem}` });
      else if (textLength(s) > max) ctx.addIssue({ code: 'custom', message: 'v.text.tooLong', params: { max } });
    });
}

/** A required single-line name or title (≤ 200). */
export const nameText = () => hygienic(LIMITS.name, false).pipe(z.string().min(1, { error: 'v.required' }));
/** An optional single-line text (≤ 200); empty string allowed. */
export const optionalName = () => hygienic(LIMITS.name, false);
/** Opinions and comments (≤ 2,000, multi-line). */
export const opinionText = () => hygienic(LIMITS.opinion, true);
/** Free text (≤ 20,000, multi-line). */
export const freeText = () => hygienic(LIMITS.freeText, true);

export const isoDate = () =>
  z
    .string({ error: 'v.date' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'v.date' })
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
      },
      { error: 'v.date' },
    );

/** An enterprise-problem department's code (Settings → departments). */
export const departmentCode = () => z.string({ error: 'v.text' }).regex(/^[a-z]{1,16}$/, { error: 'v.pr.department' });
/** For `.refine`: no entry twice. */
export const distinct = <T>(list: readonly T[]) => new Set(list).size === list.length;
export const unitCode = () => z.enum(UNIT_CODES, { error: 'v.unit' });
export const role = () => z.enum(ROLES, { error: 'v.role' });
export const id = () => z.number({ error: 'v.id' }).int().positive().max(Number.MAX_SAFE_INTEGER);
export const version = () => z.number({ error: 'v.version' }).int().nonnegative();
/** Client-generated key that makes a write safe to retry (crash-3). */
export const idempotencyKey = () => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'v.idempotencyKey' });

export const empty = z.strictObject({});
export const okOutput = z.strictObject({ ok: z.literal(true) });
