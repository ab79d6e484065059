/**
 * The acceptance decision (domain §5), including conditional acceptance (容缺受理).
 * Every problem names the material it is about, so the desk can mark the row and the notice can quote it.
 */
import type { FilingFields } from '../schemas/filing';
import type { MaterialType, Settings } from '../schemas/settings';
import { addWorkingDays, type IsoDate, type WorkCalendar } from './calendar';
import type { UnitCode } from './units';
import { settleDeadline } from './deadline';

export interface MaterialStatus {
  code: string;
  state: 'present' | 'missing';
}

export interface AcceptanceRequest {
  decision: 'accept' | 'conditional' | 'correction' | 'notAccepted';
  reason: string;
  corrections: string[];
  deadlines: { materialCode: string; dueDate: IsoDate }[];
}

export interface AcceptanceProblem {
  key: string;
  materialCode: string | null;
  params?: Record<string, string | number>;
}

export interface PlannedItem {
  materialCode: string;
  verifyingUnit: UnitCode;
  dueDate: IsoDate;
  textZh: string;
  textEn: string;
  /** The title as a message key and parameters, stored so each reader sees it in their language. */
  title: { key: string; params: Record<string, string | number> };
}

export type AcceptanceOutcome =
  | {
      ok: true;
      items: PlannedItem[];
      reviewDueDate: IsoDate | null;
      /** Deadlines typed onto a non-working day, moved to the next working day (absent when none moved). */
      moved?: { materialCode: string; from: IsoDate; to: IsoDate }[];
    }
  | { ok: false; problems: AcceptanceProblem[] };

interface Situation {
  fields: FilingFields;
  materials: MaterialStatus[];
  settings: Settings;
  today: IsoDate;
  calendar: WorkCalendar;
}

export function materialApplies(type: MaterialType, fields: FilingFields, anythingMissing: boolean): boolean {
  switch (type.applies) {
    case 'always':
      return true;
    case 'keyProcessOrExothermic':
      return fields.project.processes.length > 0 || fields.project.exothermic;
    case 'firstUse':
      return fields.project.firstUseInChina;
    case 'anythingMissing':
      return anythingMissing;
  }
}

/** A material with no recorded status has not been handed in. */
const isMissing = (materials: MaterialStatus[], code: string) => materials.find((m) => m.code === code)?.state !== 'present';

const materialParams = (t: MaterialType) => ({ no: t.no, nameZh: t.nameZh, nameEn: t.nameEn });

function classify(s: Situation) {
  const types = s.settings.materialTypes;
  // The commitment letter applies only when something else is missing, so that is decided first.
  const anythingMissing = types.some(
    (t) => t.applies !== 'anythingMissing' && materialApplies(t, s.fields, false) && isMissing(s.materials, t.code),
  );
  const applicable = types.filter((t) => materialApplies(t, s.fields, anythingMissing));
  const missing = applicable.filter((t) => isMissing(s.materials, t.code));
  return {
    anythingMissing,
    commitmentTypes: types.filter((t) => t.applies === 'anythingMissing'),
    missingCore: missing.filter((t) => t.kind === 'core'),
    missingEligible: missing.filter((t) => t.kind === 'eligible'),
  };
}

const reviewLimit = (s: Situation) => addWorkingDays(s.calendar, s.today, s.settings.timeLimits.reviewDays);

/** The latest supply deadline allowed for an eligible material: its own maximum, and never after the review's limit. */
function maxDueDate(s: Situation, t: MaterialType): IsoDate {
  const limit = reviewLimit(s);
  if (t.maxDays === null) return limit;
  const own = addWorkingDays(s.calendar, s.today, t.maxDays);
  return own < limit ? own : limit;
}

function conditionalProblems(s: Situation, deadlines: AcceptanceRequest['deadlines']): AcceptanceProblem[] {
  const { missingCore, missingEligible, commitmentTypes } = classify(s);
  const problems: AcceptanceProblem[] = [];
  // The commitment letter is core, but its absence is its own, clearer problem.
  for (const t of missingCore) {
    if (t.applies === 'anythingMissing') problems.push({ key: 'acc.commitmentMissing', materialCode: t.code, params: materialParams(t) });
    else problems.push({ key: 'acc.coreMissing', materialCode: t.code, params: materialParams(t) });
  }
  if (commitmentTypes.length === 0)
    problems.push({ key: 'acc.commitmentMissing', materialCode: null, params: { no: '', nameZh: '承诺书', nameEn: 'commitment letter' } });
  if (s.fields.applicant.creditStatus === 'default') problems.push({ key: 'acc.creditDefault', materialCode: null });
  if (missingEligible.length === 0) problems.push({ key: 'acc.nothingMissing', materialCode: null });

  const review = reviewLimit(s);
  const seen = new Set<string>();
  for (const d of deadlines) {
    const t = missingEligible.find((m) => m.code === d.materialCode);
    // A missing core paper is already reported as such; "not missing" would be false.
    if (!t && missingCore.some((m) => m.code === d.materialCode)) continue;
    if (!t) {
      problems.push({ key: 'acc.deadline.notMissing', materialCode: d.materialCode, params: { code: d.materialCode } });
      continue;
    }
    if (seen.has(t.code)) {
      problems.push({ key: 'acc.deadline.duplicate', materialCode: t.code, params: materialParams(t) });
      continue;
    }
    seen.add(t.code);
    const settled = settleDeadline(s.calendar, d.dueDate, s.today, maxDueDate(s, t));
    if (settled.ok) continue;
    if (settled.problem === 'invalid') {
      problems.push({ key: 'acc.deadline.invalid', materialCode: t.code, params: materialParams(t) });
    } else if (settled.problem === 'notAfterToday') {
      problems.push({ key: 'acc.deadline.notAfterToday', materialCode: t.code, params: { ...materialParams(t), today: s.today } });
    } else if (t.maxDays !== null && settled.dueDate > addWorkingDays(s.calendar, s.today, t.maxDays)) {
      const max = addWorkingDays(s.calendar, s.today, t.maxDays);
      problems.push({ key: 'acc.deadline.tooLate', materialCode: t.code, params: { ...materialParams(t), days: t.maxDays, max } });
    } else {
      problems.push({ key: 'acc.deadline.afterReview', materialCode: t.code, params: { ...materialParams(t), max: review } });
    }
  }
  for (const t of missingEligible) {
    if (!seen.has(t.code)) problems.push({ key: 'acc.deadline.required', materialCode: t.code, params: materialParams(t) });
  }
  return problems;
}

/** Each typed deadline as recorded: moved off a holiday or weekend to the next working day (already checked). */
function settledDate(s: Situation, t: MaterialType, deadlines: AcceptanceRequest['deadlines']): { typed: IsoDate; dueDate: IsoDate } {
  const typed = deadlines.find((d) => d.materialCode === t.code)!.dueDate;
  const settled = settleDeadline(s.calendar, typed, s.today, maxDueDate(s, t));
  return { typed, dueDate: settled.ok ? settled.dueDate : typed };
}

/** The deadlines that fell on a non-working day and moved to the next working day, so the desk can say so. */
function movedDeadlines(s: Situation, deadlines: AcceptanceRequest['deadlines']) {
  return classify(s)
    .missingEligible.map((t) => ({ materialCode: t.code, ...settledDate(s, t, deadlines) }))
    .filter((m) => m.typed !== m.dueDate)
    .map((m) => ({ materialCode: m.materialCode, from: m.typed, to: m.dueDate }));
}

/** A missing paper's tracked-item title, 补交「…」 with its form when the settings give one. */
function itemTitle(t: MaterialType): PlannedItem['title'] {
  const formZh = t.formZh.trim();
  if (!formZh) return { key: 'fu.item.supply', params: { nameZh: t.nameZh, nameEn: t.nameEn } };
  return { key: 'fu.item.supplyForm', params: { nameZh: t.nameZh, nameEn: t.nameEn, formZh, formEn: t.formEn.trim() || formZh } };
}

function plannedItems(s: Situation, deadlines: AcceptanceRequest['deadlines']): PlannedItem[] {
  return classify(s).missingEligible.map((t) => {
    const form = (text: string, open: string, close: string) => (text.trim() ? `${open}${text.trim()}${close}` : '');
    return {
      materialCode: t.code,
      verifyingUnit: t.checkedBy[0]!,
      dueDate: settledDate(s, t, deadlines).dueDate,
      textZh: `补交「${t.nameZh}」${form(t.formZh, '（', '）')}`,
      textEn: `Supply "${t.nameEn}"${form(t.formEn, ' (', ')')}`,
      title: itemTitle(t),
    };
  });
}

export function evaluateAcceptance(a: Situation & { request: AcceptanceRequest }): AcceptanceOutcome {
  const { request } = a;
  const problems: AcceptanceProblem[] = [];
  switch (request.decision) {
    case 'accept': {
      const { missingCore, missingEligible } = classify(a);
      // The commitment letter only matters for conditional acceptance; on a plain one the real gaps are the point.
      for (const t of [...missingCore, ...missingEligible]) {
        if (t.applies === 'anythingMissing') continue;
        const key = t.kind === 'core' ? 'acc.coreMissing' : 'acc.accept.eligibleMissing';
        problems.push({ key, materialCode: t.code, params: materialParams(t) });
      }
      // Nothing is missing on a plain acceptance, so any deadline points at a paper that is not missing.
      for (const d of request.deadlines)
        problems.push({ key: 'acc.deadline.notMissing', materialCode: d.materialCode, params: { code: d.materialCode } });
      break;
    }
    case 'conditional':
      problems.push(...conditionalProblems(a, request.deadlines));
      break;
    case 'correction':
      if (!request.corrections.some((c) => c.trim() !== '')) problems.push({ key: 'acc.correction.empty', materialCode: null });
      break;
    case 'notAccepted':
      if (request.reason.trim() === '') problems.push({ key: 'acc.reason.required', materialCode: null });
      break;
  }
  if ((request.decision === 'correction' || request.decision === 'notAccepted') && request.deadlines.length > 0) {
    problems.push({ key: 'acc.deadline.unexpected', materialCode: null });
  }
  if (problems.length > 0) return { ok: false, problems };

  const goesToReview = request.decision === 'accept' || request.decision === 'conditional';
  const moved = request.decision === 'conditional' ? movedDeadlines(a, request.deadlines) : [];
  return {
    ok: true,
    items: request.decision === 'conditional' ? plannedItems(a, request.deadlines) : [],
    reviewDueDate: goesToReview ? reviewLimit(a) : null,
    ...(moved.length > 0 ? { moved } : {}),
  };
}

/**
 * What the clerk sees before deciding: whether conditional acceptance is possible, what blocks it, and the latest
 * deadline each missing paper may be given. It runs the real rule with every deadline at its maximum, so the preview
 * and the decision can never disagree.
 */
export function acceptancePreview(a: Situation): {
  eligible: boolean;
  problems: AcceptanceProblem[];
  missing: { materialCode: string; maxDueDate: IsoDate }[];
} {
  const missing = classify(a).missingEligible.map((t) => ({ materialCode: t.code, maxDueDate: maxDueDate(a, t) }));
  const problems = conditionalProblems(
    a,
    missing.map((m) => ({ materialCode: m.materialCode, dueDate: m.maxDueDate })),
  );
  return { eligible: problems.length === 0, problems, missing };
}
