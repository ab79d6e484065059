/**
 * How a zod issue reads as a message, in one place for the desk (dispatch's INVALID fields) and the forms (checks as
 * you type), so both sides say the same thing beside the same field. Schemas name their own catalogue keys (`v.*`);
 * zod's built-in issues map by code.
 */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  keys?: string[];
  params?: Record<string, unknown>;
}

export type Translate = (key: string, params: Record<string, unknown>) => string;

const bounds = (issue: IssueLike): Record<string, string> => ({
  ...(issue.minimum !== undefined ? { min: String(issue.minimum) } : {}),
  ...(issue.maximum !== undefined ? { max: String(issue.maximum) } : {}),
});

/** The catalogue key and parameters of one issue. */
export function issueKey(issue: IssueLike): { key: string; params: Record<string, unknown> } {
  // A schema's own key on a size check (`.min(1, { error: 'v.tooSmall' })`) still gets the limit zod reports.
  if (issue.message.startsWith('v.') && issue.code !== 'unrecognized_keys')
    return { key: issue.message, params: { ...bounds(issue), ...issue.params } };
  switch (issue.code) {
    case 'unrecognized_keys':
      return { key: 'v.unknownKey', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'v.tooLong', params: { max: String(issue.maximum) } };
      if (issue.origin === 'array') return { key: 'v.tooMany', params: {} };
      return { key: 'v.tooBig', params: { max: String(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'string')
        return { key: Number(issue.minimum) <= 1 ? 'v.required' : 'v.tooShort', params: { min: String(issue.minimum) } };
      return { key: 'v.tooSmall', params: { min: String(issue.minimum) } };
    case 'invalid_value':
      return { key: 'v.choice', params: {} };
    default:
      return { key: 'v.type', params: {} };
  }
}

/** Dotted path -> message, the first issue of each path winning; an unknown key is reported at its own path. */
export function issueFields(issues: readonly IssueLike[], translate: Translate): Record<string, string> {
  // No prototype: a field named `__proto__` or `constructor` keeps its message like any other.
  const fields = Object.create(null) as Record<string, string>;
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    const paths = issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map((k) => (base ? `${base}.${k}` : k)) : [base];
    const { key, params } = issueKey(issue);
    for (const p of paths) fields[p] ??= translate(key, params);
  }
  return fields;
}
