/**
 * Checklists (domain §6 "Checklists", a rule held on the server): a decision answers every item of the unit's current
 * checklist, with known item codes only; a "fail" needs a note; "approve" with a failed item is refused (use "approve
 * with conditions" or "revise"). The desk form, the joint-session table form and review.decide all ask this function,
 * so what a form marks is exactly what the server refuses.
 */
import type { ReviewDecision } from './review';

export interface CheckAnswer {
  code: string;
  /** '' = not answered yet (a form's blank row; the server never receives one). */
  result: 'pass' | 'fail' | 'na' | '';
  note: string;
}

export interface ChecklistProblem {
  /** The checklist item (or the unknown code) the message belongs beside. */
  code: string;
  field: 'result' | 'note' | 'code';
  key: string;
  params: Record<string, string>;
}

export function checklistProblems(
  items: readonly { code: string }[],
  answers: readonly CheckAnswer[],
  decision: ReviewDecision | null,
): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const known = new Set(items.map((i) => i.code));
  const seen = new Set<string>();
  for (const a of answers) {
    if (!known.has(a.code)) problems.push({ code: a.code, field: 'code', key: 'v.check.unknownItem', params: { code: a.code } });
    else if (seen.has(a.code)) problems.push({ code: a.code, field: 'code', key: 'v.check.duplicateItem', params: { code: a.code } });
    seen.add(a.code);
  }
  for (const item of items) {
    const a = answers.find((x) => x.code === item.code);
    // A unit that is not involved answers nothing; whatever it does answer is still held to the rules below.
    if ((!a || a.result === '') && decision !== 'notInvolved')
      problems.push({ code: item.code, field: 'result', key: 'v.check.unanswered', params: {} });
    if (!a) continue;
    if (a.result === 'fail' && !a.note.trim()) problems.push({ code: item.code, field: 'note', key: 'v.check.failNeedsNote', params: {} });
    if (a.result === 'fail' && decision === 'approve')
      problems.push({ code: item.code, field: 'result', key: 'v.check.failedOnApprove', params: {} });
  }
  return problems;
}

/** Where each problem is shown: `checklist.<code>.<field>`, the path the server reports and the forms read. */
export const checklistPath = (code: string, field: ChecklistProblem['field']) => `checklist.${code}.${field}`;

/**
 * A checklist item's papers must be material types the desk knows (and each named once), so the decision form never
 * offers a paper that cannot exist. Paths are those settings.update reports: `checklists.<unit>.<index>.papers`.
 */
export function checklistPaperProblems(settings: {
  checklists: Record<string, readonly { code: string; papers?: readonly string[] }[]>;
  materialTypes: readonly { code: string }[];
}): { path: string; key: string; params: Record<string, string> }[] {
  const known = new Set(settings.materialTypes.map((m) => m.code));
  const problems: { path: string; key: string; params: Record<string, string> }[] = [];
  for (const [unit, items] of Object.entries(settings.checklists))
    items.forEach((item, i) => {
      const papers = item.papers ?? [];
      const unknown = papers.find((p) => !known.has(p));
      const twice = papers.find((p, j) => papers.indexOf(p) !== j);
      const path = `checklists.${unit}.${i}.papers`;
      if (unknown !== undefined) problems.push({ path, key: 'v.check.unknownPaper', params: { code: unknown } });
      else if (twice !== undefined) problems.push({ path, key: 'v.check.duplicatePaper', params: { code: twice } });
    });
  return problems;
}
