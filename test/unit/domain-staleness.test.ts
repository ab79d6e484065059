import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, diffFacts, factsForUnit } from '../../src/shared/domain/staleness';
import { completeFields, defaultSettings } from './domain-fixtures';

const settings = defaultSettings();
const materials = [
  { code: 'hazop', state: 'present', attachmentHashes: ['b'.repeat(64), 'a'.repeat(64)] },
  { code: 'eia', state: 'missing', attachmentHashes: [] },
  { code: 'licence', state: 'present', attachmentHashes: ['c'.repeat(64)] },
  { code: 'pilot-plan', state: 'present', attachmentHashes: [] },
];

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(canonicalJson('中文')).toBe('"中文"');
    expect(canonicalJson(undefined)).toBe('null');
  });
  it('does not depend on key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reversed = JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
          x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('factsForUnit', () => {
  const fields = completeFields();
  const checkedBy = (u: string) => settings.materialTypes.filter((t) => t.checkedBy.includes(u as never)).map((t) => t.code);
  it('covers the fields of its rows of the fact table plus every paper it checks (domain §6)', () => {
    const yj = factsForUnit(fields, materials, 'yj', settings) as { materials: Record<string, unknown> };
    expect(Object.keys(yj.materials).sort()).toEqual(checkedBy('yj').sort());
    const yq = factsForUnit(fields, materials, 'yq', settings) as { materials: Record<string, unknown> };
    expect(Object.keys(yq.materials).sort()).toEqual(['base-agreement', 'pilot-plan']);
    const hb = factsForUnit(fields, materials, 'hb', settings) as {
      applicant: Record<string, unknown>;
      project: Record<string, unknown>;
      materials: Record<string, unknown>;
    };
    expect(Object.keys(hb.materials).sort()).toEqual(['eia', 'waste-plan']);
    expect(hb.materials.eia).toEqual({ state: 'missing', attachmentHashes: [] });
    expect(Object.keys(hb.applicant).sort()).toEqual(['creditCode', 'legalRepresentative', 'name']);
    expect(Object.keys(hb.project).sort()).toEqual(
      [
        'chemicals',
        'eiaCategory',
        'exothermic',
        'firstUseInChina',
        'hazardGrade',
        'processes',
        'products',
        'routeSummary',
        'throughputTpa',
        'wasteStreams',
      ].sort(),
    );
    expect(hb.project.wasteStreams).toBe(fields.project.wasteStreams);
  });
  it('sp covers every paper and every field the table does not list', () => {
    const sp = factsForUnit(fields, materials, 'sp', settings) as {
      applicant: Record<string, unknown>;
      materials: Record<string, unknown>;
    };
    expect(Object.keys(sp.materials).sort()).toEqual(settings.materialTypes.map((t) => t.code).sort());
    expect(sp.applicant).toMatchObject({ creditStatus: fields.applicant.creditStatus, contactMobile: fields.applicant.contactMobile });
  });
  it('is not changed by the order of attachments, but is by a new attachment', () => {
    const h = (m: typeof materials) => canonicalJson(factsForUnit(fields, m, 'yj', settings));
    const reordered = materials.map((m) => ({ ...m, attachmentHashes: [...m.attachmentHashes].reverse() }));
    expect(h(reordered)).toBe(h(materials));
    const added = materials.map((m) => (m.code === 'hazop' ? { ...m, attachmentHashes: [...m.attachmentHashes, 'd'.repeat(64)] } : m));
    expect(h(added)).not.toBe(h(materials));
    // A change to a paper the unit does not check leaves its facts alone.
    const eiaSupplied = materials.map((m) => (m.code === 'eia' ? { ...m, state: 'present' } : m));
    expect(h(eiaSupplied)).toBe(h(materials));
  });
});

describe('diffFacts', () => {
  it('names each changed leaf by its dotted path', () => {
    const before = factsForUnit(completeFields(), materials, 'hb', settings);
    const f = completeFields();
    f.project.products = [
      { name: '乙醇', cas: '7732-18-5' },
      { name: '水', cas: '7732-18-5' },
    ];
    f.applicant.contactMobile = '13900139000';
    const after = factsForUnit(
      f,
      materials.map((m) => (m.code === 'eia' ? { ...m, state: 'present' } : m)),
      'hb',
      settings,
    );
    // The contact mobile is sp's fact, not environment's: it is not in hb's diff.
    expect(diffFacts(before, after)).toEqual([
      { path: 'materials.eia.state', before: 'missing', after: 'present' },
      { path: 'project.products.0.cas', before: '64-17-5', after: '7732-18-5' },
      { path: 'project.products.1.cas', before: undefined, after: '7732-18-5' },
      { path: 'project.products.1.name', before: undefined, after: '水' },
    ]);
  });
  it('reports removed entries, replaced containers and empty ones', () => {
    expect(diffFacts({ a: [1, 2, 3] }, { a: [1] })).toEqual([
      { path: 'a.1', before: 2, after: undefined },
      { path: 'a.2', before: 3, after: undefined },
    ]);
    expect(diffFacts({ a: { x: 1 } }, { a: 5 })).toEqual([{ path: 'a', before: { x: 1 }, after: 5 }]);
    expect(diffFacts({ a: {} }, {})).toEqual([{ path: 'a', before: {}, after: undefined }]);
    expect(diffFacts({ a: [] }, { a: {} })).toEqual([{ path: 'a', before: [], after: {} }]);
    expect(diffFacts({ a: null }, { a: 0 })).toEqual([{ path: 'a', before: null, after: 0 }]);
    expect(diffFacts({ a: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] }, { a: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0] })).toEqual([
      { path: 'a.10', before: 20, after: 0 },
    ]);
  });
  it('treats a "__proto__" key as data, not as the prototype', () => {
    const a = JSON.parse('{"__proto__":[1],"x":1}') as unknown;
    expect(canonicalJson(a)).toBe('{"__proto__":[1],"x":1}');
    expect(diffFacts(a, { x: 1 })).toEqual([{ path: '__proto__.0', before: 1, after: undefined }]);
    expect(diffFacts({ x: 1 }, { x: 1 })).toEqual([]);
  });
  it('is empty exactly when the canonical JSON is equal (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(diffFacts(a, b).length === 0).toBe(canonicalJson(a) === canonicalJson(b));
        expect(diffFacts(a, a)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
