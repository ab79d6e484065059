import { describe, expect, it } from 'vitest';
import { checklistPaperProblems } from '../../src/shared/domain/checklist';
import { settingsSchema } from '../../src/shared/schemas/settings';
import defaults from '../../resources/defaults/settings.json';

const materialTypes = [{ code: 'reaction-hazard' }, { code: 'hazop' }];
const settings = (papers: string[][]) => ({
  checklists: { yj: papers.map((p, i) => ({ code: `item-${i}`, papers: p })), hb: [{ code: 'eia' }] },
  materialTypes,
});

describe('checklist items name the papers they answer (issue 9, point 11)', () => {
  it('known papers, no papers, and a stored item without the list all pass', () => {
    expect(checklistPaperProblems(settings([['reaction-hazard'], [], ['hazop', 'reaction-hazard']]))).toEqual([]);
  });
  it('an unknown paper is refused at its item, by the code it names', () => {
    expect(checklistPaperProblems(settings([['hazop'], ['hazop', 'no-such-paper']]))).toEqual([
      { path: 'checklists.yj.1.papers', key: 'v.check.unknownPaper', params: { code: 'no-such-paper' } },
    ]);
  });
  it('a paper named twice on one item is refused', () => {
    expect(checklistPaperProblems(settings([['hazop', 'hazop']]))).toEqual([
      { path: 'checklists.yj.0.papers', key: 'v.check.duplicatePaper', params: { code: 'hazop' } },
    ]);
  });
  it('the default checklists link their items to papers that exist (the safety review to its assessment report)', () => {
    const parsed = settingsSchema.parse(defaults);
    expect(checklistPaperProblems(parsed)).toEqual([]);
    expect(parsed.checklists.yj.find((i) => i.code === 'reaction-grade')?.papers).toEqual(['reaction-hazard']);
    const linked = Object.values(parsed.checklists)
      .flat()
      .filter((i) => i.papers.length > 0);
    expect(linked.length).toBeGreaterThanOrEqual(20);
  });
});
