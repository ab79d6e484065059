/**
 * "A decision is bound to what it saw" (domain §6). Main hashes canonicalJson(factsForUnit(...)) when a unit signs;
 * if the hash of the current facts differs later, the decision is stale and diffFacts shows what changed.
 */
import type { FilingFields } from '../schemas/filing';
import type { Settings } from '../schemas/settings';
import type { UnitCode } from './units';
import { coversField, coversPaper } from './coverage';

/** JSON with object keys sorted at every level, so equal facts always give equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a key named "__proto__" stays a key instead of setting the prototype.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

type Paper = { state: string; attachmentHashes: string[] };
interface AllFacts {
  applicant: Record<string, unknown>;
  project: Record<string, unknown>;
  materials: Record<string, Paper>;
}

/**
 * Every fact a decision could cover: the record's fields and, for every material type and any other paper on file,
 * its state and attachment contents. Upload order is not a fact, so hashes are sorted.
 */
export function allFacts(
  fields: FilingFields,
  materials: { code: string; state: string; attachmentHashes: string[] }[],
  settings: Settings,
): AllFacts {
  const papers: Record<string, Paper> = {};
  for (const t of settings.materialTypes) papers[t.code] = { state: 'missing', attachmentHashes: [] };
  for (const m of materials) papers[m.code] = { state: m.state, attachmentHashes: [...m.attachmentHashes].sort() };
  return { applicant: { ...fields.applicant }, project: { ...fields.project }, materials: papers };
}

/** The facts `unit` covers under the fact → unit table in force (domain §6 "Which facts a unit covers"). */
export function factsForUnit(
  fields: FilingFields,
  materials: { code: string; state: string; attachmentHashes: string[] }[],
  unit: UnitCode,
  settings: Settings,
): unknown {
  const all = allFacts(fields, materials, settings);
  const pick = (group: 'applicant' | 'project') =>
    Object.fromEntries(Object.entries(all[group]).filter(([k]) => coversField(settings.factCoverage, unit, `${group}.${k}`)));
  const checkedBy = (code: string) => settings.materialTypes.find((t) => t.code === code)?.checkedBy;
  const papers = Object.fromEntries(Object.entries(all.materials).filter(([code]) => coversPaper(checkedBy(code), unit)));
  return { applicant: pick('applicant'), project: pick('project'), materials: papers };
}

/**
 * Today's values of exactly the facts a decision covered when it was signed: the keys of its stored snapshot carry
 * the table in force then, so editing the table later makes nothing stale by itself.
 */
export function factsAsSigned(signed: unknown, all: AllFacts): unknown {
  const s = (signed ?? {}) as Partial<Record<keyof AllFacts, Record<string, unknown>>>;
  const pick = <T>(group: keyof AllFacts, missing: T) =>
    Object.fromEntries(Object.keys(s[group] ?? {}).map((k) => [k, (all[group] as Record<string, unknown>)[k] ?? missing]));
  return {
    applicant: pick('applicant', null),
    project: pick('project', null),
    materials: pick('materials', { state: 'missing', attachmentHashes: [] }),
  };
}

export interface FactChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

function keysOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((_, i) => String(i));
  if (isContainer(v)) return Object.keys(v).sort();
  return [];
}

/**
 * Leaf changes by dotted path; arrays by index ('project.chemicals.0.cas'). A key present on one side only shows
 * each of its leaves against undefined; a container replaced by a plain value (or an empty one) is one change.
 */
export function diffFacts(before: unknown, after: unknown): FactChange[] {
  const changes: FactChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    const sameShape = isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b);
    const oneSideAbsent = (isContainer(a) && b === undefined) || (a === undefined && isContainer(b));
    if (sameShape || oneSideAbsent) {
      const keys = [...new Set([...keysOf(a), ...keysOf(b)])];
      if (Array.isArray(a) || Array.isArray(b)) keys.sort((x, y) => Number(x) - Number(y));
      else keys.sort();
      if (keys.length === 0 && !sameShape) changes.push({ path, before: a, after: b });
      const child = (v: unknown, k: string) => (isContainer(v) && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined);
      for (const k of keys) walk(path ? `${path}.${k}` : k, child(a, k), child(b, k));
    } else if (isContainer(a) || isContainer(b) || !Object.is(a, b)) {
      changes.push({ path, before: a, after: b });
    }
  };
  walk('', before, after);
  return changes;
}
