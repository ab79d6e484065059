import { describe, expect, it } from 'vitest';
import { describeChanges, fieldLabel, type LabelPart } from '../../src/shared/domain/fact-changes';
import { diffFacts } from '../../src/shared/domain/staleness';
import { catalogues, translate, type Lang } from '../../src/shared/i18n';
import { completeFields, defaultSettings } from './domain-fixtures';

const settings = defaultSettings();
const h = (c: string) => c.repeat(64);
const label = (lang: Lang, parts: LabelPart[]) => parts.map((p) => translate(lang, p.key, p.params)).join(' · ');

describe('fieldLabel', () => {
  it('names a field, a table row and its column from the catalogue, in both languages', () => {
    expect(label('zh-CN', fieldLabel('project.bay'))).toBe('楼栋/车间');
    expect(label('en', fieldLabel('project.bay'))).toBe('Building or bay');
    expect(label('zh-CN', fieldLabel('project.chemicals.0.maxStoredT'))).toBe('危险化学品 · 第 1 行 · 最大储存量');
    expect(label('en', fieldLabel('project.chemicals.0.maxStoredT'))).toBe('Hazardous chemicals · row 1 · Max stored');
    expect(label('en', fieldLabel('project.products.2.cas'))).toBe('Products · row 3 · CAS no.');
    expect(label('zh-CN', fieldLabel('project.processes.1'))).toBe('重点监管危险化工工艺 · 第 2 行');
  });

  it('has a label in both catalogues for every field the record holds', () => {
    const paths = [
      ...diffFacts({}, { applicant: everyField().applicant }).map((c) => c.path),
      ...diffFacts({}, { project: everyField().project }).map((c) => c.path),
    ];
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths)
      for (const part of fieldLabel(path))
        for (const lang of ['zh-CN', 'en'] as const) expect(catalogues[lang][part.key], `${lang} ${part.key}`).toBeTruthy();
  });
});

/** The real record's fields, with one row in every table so every column's path appears. */
function everyField() {
  const f = completeFields();
  f.project.processes = ['硝化'];
  f.project.chemicals = [{ name: '氢气', cas: '1333-74-0', maxInProcessT: 0.1, maxStoredT: 0.5 }];
  return f;
}

describe('describeChanges', () => {
  const layout = settings.materialTypes.find((t) => t.code === 'layout')!;
  const names = { [h('a')]: 'layout-v1.pdf', [h('c')]: 'layout-v2.pdf', [h('b')]: 'old-plan.pdf' };

  it('shows a paper by its name and the file added, never a path or a hash', () => {
    // A file that sorts first shifts every later position: two leaf changes, one file added.
    const before = { materials: { layout: { state: 'present', attachmentHashes: [h('c')] } } };
    const after = { materials: { layout: { state: 'present', attachmentHashes: [h('a'), h('c')] } } };
    const out = describeChanges(diffFacts(before, after), settings.materialTypes, names);
    expect(out).toEqual([
      {
        kind: 'paper',
        path: 'materials.layout',
        code: 'layout',
        nameZh: layout.nameZh,
        nameEn: layout.nameEn,
        stateBefore: null,
        stateAfter: null,
        added: ['layout-v1.pdf'],
        removed: [],
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/[0-9a-f]{64}|attachmentHashes/);
  });

  it('shows files removed, a state change, and a file with no name on record as null', () => {
    const before = { materials: { layout: { state: 'present', attachmentHashes: [h('b'), h('d')] } } };
    const after = { materials: { layout: { state: 'missing', attachmentHashes: [] } } };
    const [paper] = describeChanges(diffFacts(before, after), settings.materialTypes, names);
    expect(paper).toMatchObject({
      kind: 'paper',
      stateBefore: 'present',
      stateAfter: 'missing',
      added: [],
      removed: ['old-plan.pdf', null],
    });
  });

  it('keeps one row per field with its old and new value, and one per paper', () => {
    const before = { project: { bay: 'A1', exothermic: false }, materials: { layout: { state: 'missing', attachmentHashes: [] } } };
    const after = { project: { bay: 'A2', exothermic: true }, materials: { layout: { state: 'present', attachmentHashes: [h('c')] } } };
    const out = describeChanges(diffFacts(before, after), settings.materialTypes, names);
    expect(out.map((c) => c.path)).toEqual(['materials.layout', 'project.bay', 'project.exothermic']);
    expect(out[1]).toEqual({ kind: 'field', path: 'project.bay', label: [{ key: 'ff.project.bay' }], before: 'A1', after: 'A2' });
    expect(out[0]).toMatchObject({ stateBefore: 'missing', stateAfter: 'present', added: ['layout-v2.pdf'] });
  });
});
