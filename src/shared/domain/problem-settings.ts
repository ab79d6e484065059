import { UNIT_CODES } from './units';
import type { DepartmentKind } from './problems';

/**
 * The Settings tables of enterprise problems (departments, categories, deadlines by grade) as the administrator
 * edits them. Codes are what problems, accounts and history refer to, so a row is never removed: it is set
 * inactive. The five review units stay active departments of the kind they are (their review authority does not
 * move), and the coordinating department stays active. Answers field faults (path -> message key), empty when fine.
 */

export interface DepartmentRow {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DepartmentKind;
  active: boolean;
}
export interface CategoryRow {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}
export interface ProblemSettingsInput {
  departments: DepartmentRow[];
  categories: CategoryRow[];
  limits: { park: number; district: number; city: number };
  reportEveryDays: number;
  reminderAfterDays: number;
  warningDays: number;
}
export interface ExistingProblemSettings {
  departments: readonly { code: string; kind: DepartmentKind }[];
  categories: readonly { code: string }[];
  coordinator: string;
  /** Departments that accounts belong to (an outside party holds none). */
  withMembers: readonly string[];
}

const CODE = /^[a-z][a-z0-9]{0,15}$/;

function rows<T extends { code: string; nameZh: string; nameEn: string }>(
  list: readonly T[],
  existing: readonly { code: string }[],
  prefix: string,
  faults: Record<string, string>,
) {
  const seen = new Set<string>();
  list.forEach((r, i) => {
    if (!CODE.test(r.code)) faults[`${prefix}.${i}.code`] = 'v.ps.code';
    else if (seen.has(r.code)) faults[`${prefix}.${i}.code`] = 'v.ps.duplicate';
    seen.add(r.code);
    if (!r.nameZh.trim()) faults[`${prefix}.${i}.nameZh`] = 'v.required';
    if (!r.nameEn.trim()) faults[`${prefix}.${i}.nameEn`] = 'v.required';
  });
  if (existing.some((e) => !seen.has(e.code))) faults[prefix] = 'v.ps.removed';
}

export function problemSettingsProblems(input: ProblemSettingsInput, existing: ExistingProblemSettings): Record<string, string> {
  const faults: Record<string, string> = {};
  rows(input.departments, existing.departments, 'departments', faults);
  rows(input.categories, existing.categories, 'categories', faults);
  input.departments.forEach((d, i) => {
    const before = existing.departments.find((e) => e.code === d.code);
    const review = (UNIT_CODES as readonly string[]).includes(d.code);
    if (review && before && d.kind !== before.kind) faults[`departments.${i}.kind`] = 'v.ps.reviewUnitKind';
    if ((review || d.code === existing.coordinator) && !d.active) faults[`departments.${i}.active`] = 'v.ps.mustStayActive';
    if (d.kind === 'outside' && existing.withMembers.includes(d.code)) faults[`departments.${i}.kind`] = 'v.ps.outsideWithAccounts';
  });
  if (!input.categories.some((c) => c.active)) faults.categories = 'v.ps.noActiveCategory';
  return faults;
}
