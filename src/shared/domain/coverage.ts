/**
 * Which facts a unit covers (domain §6): a change makes stale only the decisions of the units that cover it, and only
 * those units (plus any that asked for revision) rejoin the next round. The table is a Settings table with these
 * defaults; a fact it does not list concerns sp only; each paper is covered by its "checked by" units and sp.
 */
import { UNIT_CODES, type UnitCode } from './units';

/** A record field as `applicant.<key>` or `project.<key>`. */
export type FieldPath = `${'applicant' | 'project'}.${string}`;

export interface CoverageRow {
  key: string;
  fields: readonly string[];
  units: readonly UnitCode[];
}

export const DEFAULT_FACT_COVERAGE: { key: string; fields: FieldPath[]; units: UnitCode[] }[] = [
  { key: 'identity', fields: ['applicant.name', 'applicant.creditCode', 'applicant.legalRepresentative'], units: [...UNIT_CODES] },
  { key: 'contact', fields: ['applicant.contactName', 'applicant.contactMobile', 'applicant.address'], units: ['sp'] },
  { key: 'project-name', fields: ['project.name', 'project.projectCode'], units: ['sp', 'yq'] },
  { key: 'location', fields: ['project.parkId', 'project.baseId', 'project.bay'], units: ['yj', 'gh', 'yq'] },
  {
    key: 'process',
    fields: [
      'project.products',
      'project.routeSummary',
      'project.processes',
      'project.exothermic',
      'project.firstUseInChina',
      'project.hazardGrade',
    ],
    units: ['yj', 'hb'],
  },
  { key: 'chemicals', fields: ['project.chemicals'], units: ['yj', 'hb', 'yq'] },
  { key: 'scale', fields: ['project.batchKg', 'project.largestReactorM3'], units: ['yj'] },
  { key: 'throughput', fields: ['project.throughputTpa'], units: ['hb', 'yq'] },
  { key: 'environment', fields: ['project.eiaCategory', 'project.wasteStreams'], units: ['hb'] },
  { key: 'run-period', fields: ['project.plannedStart', 'project.plannedEnd'], units: ['sp', 'yq'] },
];

/** Does `unit` cover the record field at `path` under `table`? Unlisted fields concern sp only. */
export function coversField(table: readonly CoverageRow[], unit: UnitCode, path: string): boolean {
  const rows = table.filter((r) => r.fields.includes(path));
  return rows.length === 0 ? unit === 'sp' : rows.some((r) => r.units.includes(unit));
}

/** Does `unit` cover the paper? Its "checked by" units, and sp always. */
export const coversPaper = (checkedBy: readonly UnitCode[] | undefined, unit: UnitCode): boolean =>
  unit === 'sp' || (checkedBy?.includes(unit) ?? false);

/** Units whose signed facts a change of these record fields and papers touches. */
export function unitsCovering(
  table: readonly CoverageRow[],
  changed: { fields: string[]; papers: { checkedBy: readonly UnitCode[] | undefined }[] },
): UnitCode[] {
  return UNIT_CODES.filter(
    (u) => changed.fields.some((p) => coversField(table, u, p)) || changed.papers.some((p) => coversPaper(p.checkedBy, u)),
  );
}
