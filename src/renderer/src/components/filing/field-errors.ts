import type { TFunction } from 'i18next';
import { filingFieldsSchema, type FilingFields } from '../../../../shared/schemas/filing';
import { issueFields, type IssueLike } from '../../../../shared/schemas/issues';

/** Dotted path -> translated message, the same shape as AppError.fields. */
export type FieldErrors = Record<string, string>;

/** Checks the fields with the very schema the desk uses, so the form never says "fine" when the desk would refuse. */
export function clientFieldErrors(values: FilingFields, t: TFunction): FieldErrors {
  const parsed = filingFieldsSchema.safeParse(values);
  if (parsed.success) return {};
  return issueFields(parsed.error.issues as unknown as IssueLike[], (key, params) => t(key, params));
}

/** Server field errors for filing.create/update carry the input's `fields.` prefix; the form's paths do not. */
export function formPaths(fields: Record<string, string> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k.startsWith('fields.') ? k.slice(7) : k] = v;
  return out;
}

/** Reads a dotted path out of the fields (for diffs). */
export function leafEntries(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[prefix, value === null ? '' : String(value)]];
  if (Array.isArray(value) && value.length === 0) return [[prefix, '']];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafEntries(v, prefix ? `${prefix}.${k}` : k));
}

/** Paths whose values differ between two versions of the fields. */
export function changedPaths(a: FilingFields, b: FilingFields): { path: string; mine: string; theirs: string }[] {
  const mine = new Map(leafEntries(a));
  const theirs = new Map(leafEntries(b));
  const paths = [...new Set([...mine.keys(), ...theirs.keys()])];
  return paths
    .filter((p) => (mine.get(p) ?? '') !== (theirs.get(p) ?? ''))
    .map((p) => ({ path: p, mine: mine.get(p) ?? '', theirs: theirs.get(p) ?? '' }));
}

/** After a refused submit: focus goes to the first field marked in error (once the form has rendered the marks). */
export function focusFirstError(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="filing-form"] [aria-invalid="true"]')?.focus()),
  );
}
