import type { TFunction } from 'i18next';
import { filingFieldsSchema, type FilingFields } from '../../../../shared/schemas/filing';

/** Dotted path -> translated message, the same shape as AppError.fields. */
export type FieldErrors = Record<string, string>;

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  params?: Record<string, unknown>;
};

/** The schema names its own keys (`v.*`); zod's built-in issues map the way dispatch maps them, so both sides agree. */
function issueText(issue: Issue, t: TFunction): string {
  if (issue.message.startsWith('v.')) return t(issue.message, issue.params ?? {});
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return t('v.tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array') return t('v.tooMany');
      return t('v.tooBig', { max: String(issue.maximum) });
    case 'too_small':
      if (issue.origin === 'string') return t(Number(issue.minimum) <= 1 ? 'v.required' : 'v.tooShort', { min: String(issue.minimum) });
      return t('v.tooSmall', { min: String(issue.minimum) });
    case 'invalid_value':
      return t('v.choice');
    default:
      return t('v.type');
  }
}

/** Checks the fields with the very schema the desk uses, so the form never says "fine" when the desk would refuse. */
export function clientFieldErrors(values: FilingFields, t: TFunction): FieldErrors {
  const parsed = filingFieldsSchema.safeParse(values);
  if (parsed.success) return {};
  const out: FieldErrors = {};
  for (const issue of parsed.error.issues as unknown as Issue[]) out[issue.path.map(String).join('.')] ??= issueText(issue, t);
  return out;
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
