import { describe, expect, it } from 'vitest';
import { submissionProblems } from '../../src/shared/domain/submission';
import { REQUIRED_FIELDS, emptyFilingFields } from '../../src/shared/schemas/filing';
import { completeFields, defaultSettings } from './domain-fixtures';

const settings = defaultSettings();

describe('submissionProblems', () => {
  it('finds nothing wrong with a complete filing', () => {
    expect(submissionProblems(completeFields(), settings)).toEqual({});
  });

  it('marks every required field of an empty filing, and the missing products', () => {
    const problems = submissionProblems(emptyFilingFields(), settings);
    for (const path of REQUIRED_FIELDS) expect(problems[path], path).toEqual({ key: 'v.required' });
    expect(problems['project.products']).toEqual({ key: 'v.required' });
    expect(problems['project.projectCode']).toBeUndefined();
  });

  it.each(REQUIRED_FIELDS)('treats a blank %s as missing', (path) => {
    const f = completeFields();
    const [group, key] = path.split('.') as ['applicant' | 'project', string];
    (f[group] as Record<string, unknown>)[key] = '   ';
    expect(submissionProblems(f, settings)[path]).toEqual({ key: 'v.required' });
  });

  it('requires the project code only when Settings say so', () => {
    const f = completeFields();
    expect(submissionProblems(f, { ...settings, projectCodeRequired: true })['project.projectCode']).toEqual({ key: 'v.required' });
    f.project.projectCode = '2026-371002-26-03-012345';
    expect(submissionProblems(f, { ...settings, projectCodeRequired: true })).toEqual({});
  });

  it('rejects an unknown park, and a base from another park', () => {
    const f = completeFields();
    f.project.parkId = 'nowhere';
    expect(submissionProblems(f, settings)).toEqual({ 'project.parkId': { key: 'v.park' } });
    f.project.parkId = 'gangcheng';
    expect(submissionProblems(f, settings)).toEqual({ 'project.baseId': { key: 'v.base' } });
    f.project.baseId = 'gangcheng-pilot-b';
    expect(submissionProblems(f, settings)).toEqual({});
  });

  it('allows a run period of exactly maxMonths and refuses one day more', () => {
    const f = completeFields();
    f.project.plannedStart = '2027-01-31';
    f.project.plannedEnd = '2029-01-31';
    expect(submissionProblems(f, settings)).toEqual({});
    f.project.plannedEnd = '2029-02-01';
    expect(submissionProblems(f, settings)).toEqual({ 'project.plannedEnd': { key: 'v.runPeriod.tooLong', params: { months: 24 } } });
    expect(submissionProblems(f, { ...settings, runPeriod: { maxMonths: 36, maxExtensionMonths: 12 } })).toEqual({});
  });

  it('clamps the limit at a month end (start 31 Aug + 6 months = 28 Feb)', () => {
    const f = completeFields();
    const six = { ...settings, runPeriod: { maxMonths: 6, maxExtensionMonths: 0 } };
    f.project.plannedStart = '2026-08-31';
    f.project.plannedEnd = '2027-02-28';
    expect(submissionProblems(f, six)).toEqual({});
    f.project.plannedEnd = '2027-03-01';
    expect(submissionProblems(f, six)['project.plannedEnd']?.key).toBe('v.runPeriod.tooLong');
  });

  it('refuses an end on or before the start even if the record skipped the schema', () => {
    const f = completeFields();
    f.project.plannedEnd = f.project.plannedStart;
    expect(submissionProblems(f, settings)).toEqual({ 'project.plannedEnd': { key: 'v.endBeforeStart' } });
  });
});

describe('submissionProblems on records that skipped the schema', () => {
  it('reports a malformed date instead of throwing', () => {
    const f = completeFields();
    f.project.plannedStart = '2027-02-30';
    f.project.plannedEnd = '15/01/2028';
    expect(submissionProblems(f, settings)).toEqual({
      'project.plannedStart': { key: 'v.date' },
      'project.plannedEnd': { key: 'v.date' },
    });
  });
});
