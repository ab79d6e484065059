import { describe, expect, it } from 'vitest';
import { coversField, coversPaper, DEFAULT_FACT_COVERAGE, unitsCovering } from '../../src/shared/domain/coverage';

const T = DEFAULT_FACT_COVERAGE;

describe('which facts a unit covers (domain §6 defaults)', () => {
  it('each row names its units; nobody else covers its fields', () => {
    for (const row of T)
      for (const f of row.fields)
        expect(unitsCovering(T, { fields: [f], papers: [] }), `${row.key} ${f}`).toEqual(
          ['yj', 'hb', 'gh', 'sp', 'yq'].filter((u) => row.units.includes(u as never)),
        );
  });
  it('waste streams are environment only; identity is everyone', () => {
    expect(unitsCovering(T, { fields: ['project.wasteStreams'], papers: [] })).toEqual(['hb']);
    expect(unitsCovering(T, { fields: ['applicant.creditCode'], papers: [] })).toEqual(['yj', 'hb', 'gh', 'sp', 'yq']);
  });
  it('a field the table does not list concerns sp only', () => {
    expect(unitsCovering(T, { fields: ['applicant.creditStatus'], papers: [] })).toEqual(['sp']);
    expect(coversField(T, 'hb', 'project.somethingNew')).toBe(false);
    expect(coversField(T, 'sp', 'project.somethingNew')).toBe(true);
  });
  it('a paper: its checked-by units and sp', () => {
    expect(coversPaper(['hb'], 'hb')).toBe(true);
    expect(coversPaper(['hb'], 'sp')).toBe(true);
    expect(coversPaper(['hb'], 'yj')).toBe(false);
    expect(unitsCovering(T, { fields: [], papers: [{ checkedBy: ['yj', 'yq'] }] })).toEqual(['yj', 'sp', 'yq']);
  });
  it('an edited table is read as edited', () => {
    const edited = T.map((r) => (r.key === 'environment' ? { ...r, units: ['hb' as const, 'gh' as const] } : r));
    expect(unitsCovering(edited, { fields: ['project.eiaCategory'], papers: [] })).toEqual(['hb', 'gh']);
  });
});
