import type { AcceptanceDecision } from '../../../../shared/domain/states';

export type AcceptanceValues = {
  decision: AcceptanceDecision | null;
  reason: string;
  corrections: string[];
  deadlines: Record<string, string>;
};

/**
 * The field a request path belongs to: a deadline by its material (the request lists them in the preview's order,
 * the desk names them `materials.<code>`), a point to correct by its row (the request leaves blank rows out). The
 * rule's problems with no material (`decision.<n>`) and whole-list limits have no field: they go to the form's alert.
 */
export function acceptanceField(
  path: string,
  v: AcceptanceValues,
  missing: readonly { materialCode: string }[],
): string | null | undefined {
  const [head, index] = path.split('.');
  if (head === 'decision') return null;
  if (head === 'materials')
    return v.decision === 'conditional' && missing.some((m) => m.materialCode === index) ? `deadlines.${index}` : null;
  if (head === 'deadlines') return missing[Number(index)] ? `deadlines.${missing[Number(index)]!.materialCode}` : null;
  if (head === 'corrections') {
    const rows = v.corrections.flatMap((c, i) => (c.trim() !== '' ? [i] : []));
    return rows[Number(index)] !== undefined ? `corrections.${rows[Number(index)]}` : null;
  }
  return undefined;
}
