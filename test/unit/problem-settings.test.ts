import { describe, expect, it } from 'vitest';
import { problemSettingsProblems, type ProblemSettingsInput } from '../../src/shared/domain/problem-settings';

/** The rule the desk and the Settings form share for the enterprise-problem tables. */
const existing = {
  departments: [
    { code: 'sp', kind: 'district' as const },
    { code: 'yq', kind: 'park' as const },
    { code: 'kjsw', kind: 'district' as const },
  ],
  categories: [{ code: 'land' }],
  coordinator: 'sp',
  withMembers: ['kjsw'],
};
const valid = (): ProblemSettingsInput => ({
  departments: [
    { code: 'sp', nameZh: '行政审批局', nameEn: 'Approval', kind: 'district', active: true },
    { code: 'yq', nameZh: '园区', nameEn: 'Park', kind: 'park', active: true },
    { code: 'kjsw', nameZh: '科商局', nameEn: 'Commerce', kind: 'district', active: true },
  ],
  categories: [{ code: 'land', nameZh: '土地', nameEn: 'Land', active: true }],
  limits: { park: 10, district: 20, city: 40 },
  reportEveryDays: 7,
  reminderAfterDays: 1,
  warningDays: 3,
});

describe('problemSettingsProblems', () => {
  it('accepts the tables as they are, a new row, and a non-review department set inactive', () => {
    const s = valid();
    s.departments.push({ code: 'fgw2', nameZh: '发改局', nameEn: 'NDRC', kind: 'city', active: true });
    s.departments[2]!.active = false;
    expect(problemSettingsProblems(s, existing)).toEqual({});
  });

  it('names each fault at its field', () => {
    const s = valid();
    s.departments[0]!.active = false; // coordinator and review unit
    s.departments[1]!.kind = 'district'; // a review unit's level
    s.departments[2]!.kind = 'outside'; // accounts belong to it
    s.departments.push({ code: '9x', nameZh: '', nameEn: 'X', kind: 'district', active: true });
    s.categories = [{ code: 'talent', nameZh: '人才', nameEn: 'Talent', active: false }]; // land removed, none active
    expect(problemSettingsProblems(s, existing)).toEqual({
      'departments.0.active': 'v.ps.mustStayActive',
      'departments.1.kind': 'v.ps.reviewUnitKind',
      'departments.2.kind': 'v.ps.outsideWithAccounts',
      'departments.3.code': 'v.ps.code',
      'departments.3.nameZh': 'v.required',
      categories: 'v.ps.noActiveCategory',
    });
  });

  it('refuses a duplicate code and a removed row', () => {
    const s = valid();
    s.departments[2] = { ...s.departments[1]! };
    expect(problemSettingsProblems(s, existing)).toEqual({ 'departments.2.code': 'v.ps.duplicate', departments: 'v.ps.removed' });
  });
});
