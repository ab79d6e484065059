/**
 * Checks before a filing is submitted (domain §4). The schema checks format on every save; completeness and
 * anything that depends on Settings (parks, run-period limit, project-code policy) is only checked here, so a clerk
 * can save a half-entered draft.
 */
import { REQUIRED_FIELDS, type FilingFields } from '../schemas/filing';
import type { Settings } from '../schemas/settings';
import { addMonths, isIsoDate } from './calendar';

export type FieldProblems = Record<string, { key: string; params?: Record<string, string | number> }>;

function valueAt(fields: FilingFields, path: string): unknown {
  let v: unknown = fields;
  for (const part of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function submissionProblems(fields: FilingFields, settings: Settings): FieldProblems {
  const problems: FieldProblems = {};
  const add = (path: string, key: string, params?: Record<string, string | number>) => {
    problems[path] ??= params ? { key, params } : { key };
  };

  for (const path of REQUIRED_FIELDS) if (isBlank(valueAt(fields, path))) add(path, 'v.required');
  if (settings.projectCodeRequired && isBlank(fields.project.projectCode)) add('project.projectCode', 'v.required');
  if (fields.project.products.length === 0) add('project.products', 'v.required');

  const { parkId, baseId } = fields.project;
  const park = settings.parks.find((p) => p.id === parkId);
  if (parkId && !park) add('project.parkId', 'v.park');
  // A base is only judged against a known park; with an unknown park the park problem says it all.
  if (park && baseId && !park.bases.some((b) => b.id === baseId)) add('project.baseId', 'v.base');

  const { plannedStart, plannedEnd } = fields.project;
  // A stored record may predate a schema change; a bad date is reported, never thrown.
  for (const [path, d] of [
    ['project.plannedStart', plannedStart],
    ['project.plannedEnd', plannedEnd],
  ] as const)
    if (!isBlank(d) && !isIsoDate(d)) add(path, 'v.date');
  if (isIsoDate(plannedStart) && isIsoDate(plannedEnd)) {
    if (plannedEnd <= plannedStart) add('project.plannedEnd', 'v.endBeforeStart');
    else if (plannedEnd > addMonths(plannedStart, settings.runPeriod.maxMonths))
      add('project.plannedEnd', 'v.runPeriod.tooLong', { months: settings.runPeriod.maxMonths });
  }
  return problems;
}
