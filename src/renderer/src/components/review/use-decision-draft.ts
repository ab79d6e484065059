import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionInputSchema, type DecisionInput, type ReviewView } from '../../../../shared/contract/review';
import { checklistPath, checklistProblems } from '../../../../shared/domain/checklist';
import type { ReviewDecision } from '../../../../shared/domain/review';
import type { UnitCode } from '../../../../shared/domain/units';
import type { ChecklistItem } from '../../../../shared/schemas/settings';
import { issueFields } from '../../../../shared/schemas/issues';
import { mayBeUnsent, type AppError } from '../../../../shared/result';
import { newIdempotencyKey } from '../../api/idempotency';
import type { ChecklistRow } from './ChecklistEditor';
import type { ConditionRow } from './ConditionsEditor';

/** Which decision a draft is for: the section, its round and the filing version the screen shows. */
export interface DecisionTarget {
  filingId: number;
  section: UnitCode;
  round: number;
  filingVersion: number;
}

type Answers = Record<string, { result: ChecklistRow['result']; note: string }>;

/**
 * One unit's decision as it is being written, for the desk form and the joint-session table alike: the choice, the
 * opinion, the checklist answers and the conditions; the idempotency key of this intent (renewed on every edit: only
 * an identical retry may reuse it); and `check()`, which builds the `review.decide` input once and holds it to the
 * contract's own schema and checklist rule, so what the form marks is what the server would refuse.
 */
export function useDecisionDraft(
  target: DecisionTarget,
  items: readonly ChecklistItem[],
  previous: ReviewView['sections'][number]['current'],
  start: ReviewDecision | '',
) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ReviewDecision | ''>(start);
  const [opinion, setOpinionText] = useState(previous?.opinion ?? '');
  const [reason, setReasonText] = useState(previous?.notInvolvedReason ?? '');
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries((previous?.checklist ?? []).map((c) => [c.code, { result: c.result, note: c.note }])),
  );
  // Re-confirming a stale decision starts from what was signed; the due date is asked again in working days.
  const [conditions, setConditionRows] = useState<ConditionRow[]>(() =>
    (previous?.conditions ?? []).map((c) => ({ text: c.text, verifyingUnit: c.verifyingUnit, dueDays: 20, blocks: c.blocks })),
  );
  const [key, setKey] = useState(newIdempotencyKey);
  const edited = () => setKey(newIdempotencyKey());

  // Settings may arrive after the first render: the rows follow the unit's checklist, keeping earlier answers.
  const rows: ChecklistRow[] = items.map((it) => ({
    code: it.code,
    result: answers[it.code]?.result ?? '',
    note: answers[it.code]?.note ?? '',
  }));

  const choose = (d: ReviewDecision) => {
    setDecision(d);
    edited();
    if (d === 'approveWithConditions' && conditions.length === 0)
      setConditionRows([{ text: '', verifyingUnit: target.section, dueDays: 20, blocks: 'hold' }]);
  };
  const setRow = (code: string, patch: Partial<ChecklistRow>) => {
    setAnswers((a) => ({ ...a, [code]: { result: a[code]?.result ?? '', note: a[code]?.note ?? '', ...patch } }));
    edited();
  };
  const allPass = () => {
    setAnswers((a) => Object.fromEntries(items.map((it) => [it.code, { note: '', ...a[it.code], result: a[it.code]?.result || 'pass' }])));
    edited();
  };
  const setOpinion = (v: string) => (setOpinionText(v), edited());
  const setReason = (v: string) => (setReasonText(v), edited());
  const setConditions = (c: ConditionRow[]) => (setConditionRows(c), edited());

  /** The `review.decide` input, or the messages by field path when the contract would refuse it. */
  const check = (): { input: DecisionInput; errors: null } | { input: null; errors: Record<string, string> } => {
    if (!decision) return { input: null, errors: { decision: t('rv.form.chooseDecision') } };
    const errors: Record<string, string> = {};
    // The server's own checklist rule (domain §6), by item code, beside each item.
    for (const p of checklistProblems(items, rows, decision)) errors[checklistPath(p.code, p.field)] ??= t(p.key, p.params);
    const input: DecisionInput = {
      ...target,
      decision,
      opinion,
      notInvolvedReason: decision === 'notInvolved' ? reason : '',
      checklist: rows
        .filter((r) => r.result !== '')
        .map((r) => ({ code: r.code, result: r.result as Exclude<ChecklistRow['result'], ''>, note: r.note })),
      conditions:
        decision === 'approveWithConditions'
          ? conditions.map((c) => ({
              text: c.text,
              verifyingUnit: c.verifyingUnit,
              dueDays: c.dueDays === '' ? 0 : c.dueDays,
              blocks: c.blocks,
            }))
          : [],
      idempotencyKey: key,
    };
    const parsed = decisionInputSchema.safeParse(input);
    if (!parsed.success) for (const [path, m] of Object.entries(issueFields(parsed.error.issues, (k, p) => t(k, p)))) errors[path] ??= m;
    return Object.keys(errors).length ? { input: null, errors } : { input, errors: null };
  };

  /** After the server answered: a transport failure may have committed, so only then is the key kept for the retry. */
  const answered = (error: AppError | null) => {
    if (!error || !mayBeUnsent(error.code)) edited();
  };

  return { decision, opinion, reason, rows, conditions, choose, setRow, allPass, setOpinion, setReason, setConditions, check, answered };
}
