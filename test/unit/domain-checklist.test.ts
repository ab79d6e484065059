import { describe, expect, it } from 'vitest';
import { checklistPath, checklistProblems, type CheckAnswer } from '../../src/shared/domain/checklist';

const items = [{ code: 'route' }, { code: 'hazop' }, { code: 'sis' }];
const all = (result: CheckAnswer['result'], note = ''): CheckAnswer[] => items.map((i) => ({ code: i.code, result, note }));
const keys = (p: ReturnType<typeof checklistProblems>) => p.map((x) => `${x.code}.${x.field}:${x.key}`);

describe('checklist rule (domain §6)', () => {
  it('every item answered with known codes passes for every decision', () => {
    for (const d of ['approve', 'approveWithConditions', 'revise', 'reject', 'notInvolved'] as const)
      expect(checklistProblems(items, all('pass'), d)).toEqual([]);
  });
  it('an empty checklist is refused item by item, except for a unit that is not involved', () => {
    expect(keys(checklistProblems(items, [], 'approve'))).toEqual([
      'route.result:v.check.unanswered',
      'hazop.result:v.check.unanswered',
      'sis.result:v.check.unanswered',
    ]);
    expect(checklistProblems(items, [], 'notInvolved')).toEqual([]);
  });
  it('a blank form row counts as unanswered', () => {
    const rows = all('pass');
    rows[1] = { code: 'hazop', result: '', note: '' };
    expect(keys(checklistProblems(items, rows, 'revise'))).toEqual(['hazop.result:v.check.unanswered']);
  });
  it('an invented code or the same item twice is refused beside that code', () => {
    expect(keys(checklistProblems(items, [...all('pass'), { code: 'made-up', result: 'pass', note: '' }], 'approve'))).toEqual([
      'made-up.code:v.check.unknownItem',
    ]);
    expect(checklistProblems(items, [...all('pass'), { code: 'made-up', result: 'pass', note: '' }], 'approve')[0]!.params).toEqual({
      code: 'made-up',
    });
    expect(keys(checklistProblems(items, [...all('pass'), { code: 'sis', result: 'na', note: '' }], 'revise'))).toEqual([
      'sis.code:v.check.duplicateItem',
    ]);
  });
  it('a fail needs a note, whatever the decision', () => {
    const rows = all('pass');
    rows[0] = { code: 'route', result: 'fail', note: '  ' };
    expect(keys(checklistProblems(items, rows, 'revise'))).toEqual(['route.note:v.check.failNeedsNote']);
    rows[0] = { code: 'route', result: 'fail', note: '路线不清' };
    expect(checklistProblems(items, rows, 'revise')).toEqual([]);
    expect(checklistProblems(items, rows, 'approveWithConditions')).toEqual([]);
  });
  it('approve with a failed item is refused; with conditions or revise it is not', () => {
    const rows = all('pass');
    rows[2] = { code: 'sis', result: 'fail', note: '联锁缺失' };
    expect(keys(checklistProblems(items, rows, 'approve'))).toEqual(['sis.result:v.check.failedOnApprove']);
    expect(checklistProblems(items, rows, 'reject')).toEqual([]);
  });
  it('paths name the item, not a position', () => {
    expect(checklistPath('sis', 'note')).toBe('checklist.sis.note');
  });
});
