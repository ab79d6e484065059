import { describe, expect, it } from 'vitest';
import { officialCalendar as calendar } from '../../src/shared/domain/calendar';
import {
  assignmentProblem,
  blockageProblem,
  blockageRequired,
  DEFAULT_PROBLEM_POLICY as policy,
  gradeProblem,
  nextState,
  problemClock,
  problemPermission,
  suggestGrade,
  type ProblemParty,
} from '../../src/shared/domain/problems';

const d = (code: string, kind: 'district' | 'park' | 'city' | 'outside') => ({ code, kind });

describe('suggestGrade', () => {
  it('park level when the park leads alone', () => {
    expect(suggestGrade({ lead: d('yq', 'park'), cooperating: [] })).toEqual({ grade: 'park', reasonKey: 'pr.grade.why.park' });
  });
  it('district level when the park needs another department, or district departments lead', () => {
    expect(suggestGrade({ lead: d('yq', 'park'), cooperating: [d('gh', 'district')] }).grade).toBe('district');
    expect(suggestGrade({ lead: d('kjsw', 'district'), cooperating: [d('hb', 'district')] }).grade).toBe('district');
  });
  it('city level as soon as a city body or an outside party must act', () => {
    expect(suggestGrade({ lead: d('yq', 'park'), cooperating: [d('gdgs', 'outside')] }).grade).toBe('city');
    expect(suggestGrade({ lead: d('szrzy', 'city'), cooperating: [] }).grade).toBe('city');
  });
  it('an override needs a reason; the suggested grade does not', () => {
    expect(gradeProblem('district', 'district', '')).toBeNull();
    expect(gradeProblem('city', 'district', '  ')).toBe('pr.grade.reasonNeeded');
    expect(gradeProblem('city', 'district', '需市级协调')).toBeNull();
  });
  it('lead and co-operating units differ and appear once', () => {
    expect(assignmentProblem('yq', ['gh'])).toBeNull();
    expect(assignmentProblem('yq', ['yq'])).toBe('pr.assign.leadIsCo');
    expect(assignmentProblem('yq', ['gh', 'gh'])).toBe('pr.assign.duplicate');
  });
});

describe('problemPermission', () => {
  const open: ProblemParty = { state: 'dispatched', lead: 'yq', cooperating: ['gdgs', 'gh'] };
  const allow = (action: Parameters<typeof problemPermission>[0], p: ProblemParty, dept: string | null) =>
    problemPermission(action, p, dept, 'sp');
  it('only the coordinator dispatches, re-assigns, extends and visits', () => {
    expect(allow('dispatch', { state: 'new', lead: null, cooperating: [] }, 'sp')).toBeNull();
    expect(allow('dispatch', { state: 'new', lead: null, cooperating: [] }, 'yq')).toEqual({
      code: 'FORBIDDEN',
      key: 'pr.onlyCoordinator',
    });
    expect(allow('reassign', open, 'sp')).toBeNull();
    expect(allow('reassign', open, 'yq')?.code).toBe('FORBIDDEN');
    expect(allow('extend', open, 'gh')?.code).toBe('FORBIDDEN');
    expect(allow('visit', { ...open, state: 'solved' }, 'sp')).toBeNull();
    expect(allow('visit', { ...open, state: 'solved' }, 'yq')?.code).toBe('FORBIDDEN');
  });
  it('the lead reports progress and solution; co-units and the coordinator add notes; strangers nothing', () => {
    expect(allow('progress', open, 'yq')).toBeNull();
    expect(allow('progress', open, 'gh')).toEqual({ code: 'FORBIDDEN', key: 'pr.onlyLead' });
    expect(allow('solved', open, 'gh')?.code).toBe('FORBIDDEN');
    expect(allow('note', open, 'gh')).toBeNull();
    expect(allow('note', open, 'sp')).toBeNull();
    expect(allow('note', open, 'hb')).toEqual({ code: 'FORBIDDEN', key: 'pr.notInvolved' });
    expect(allow('note', open, null)).toEqual({ code: 'FORBIDDEN', key: 'pr.noDepartment' });
  });
  it('refuses actions out of state as conflicts', () => {
    expect(allow('dispatch', open, 'sp')).toEqual({ code: 'CONFLICT', key: 'pr.state.notNew' });
    expect(allow('visit', open, 'sp')).toEqual({ code: 'CONFLICT', key: 'pr.state.notSolved' });
    expect(allow('progress', { ...open, state: 'closed' }, 'yq')).toEqual({ code: 'CONFLICT', key: 'pr.state.notOpen' });
  });
  it('a satisfied visit closes; an unsatisfied one reopens', () => {
    expect(nextState('visit', 'solved', true)).toBe('closed');
    expect(nextState('visit', 'solved', false)).toBe('dispatched');
    expect(nextState('solved', 'dispatched')).toBe('solved');
    expect(nextState('reassign', 'dispatched')).toBe('dispatched');
  });
});

describe('problemClock', () => {
  // Dispatched Monday 28 Sep 2026, district grade (20 working days across National Day → 30 Oct).
  const base = { start: '2026-09-28', limitDays: 20, pauses: [], lastReport: null, policy, calendar };
  it('counts the deadline in working days across the holiday', () => {
    expect(problemClock({ ...base, today: '2026-09-28' })).toMatchObject({
      dueDate: '2026-10-30',
      daysLeft: 20,
      level: 'ok',
      report: 'ok',
    });
  });
  it('a missing weekly report reminds, then turns the problem yellow after one working day', () => {
    // The report was due 5 Oct (holiday): a reminder from then to 7 Oct, late on 8 Oct (the first working day after).
    expect(problemClock({ ...base, today: '2026-10-04' })).toMatchObject({ reportDue: '2026-10-05', report: 'ok', level: 'ok' });
    expect(problemClock({ ...base, today: '2026-10-05' })).toMatchObject({ report: 'reminder', level: 'ok' });
    expect(problemClock({ ...base, today: '2026-10-07' })).toMatchObject({ report: 'reminder', level: 'ok' });
    expect(problemClock({ ...base, today: '2026-10-08' })).toMatchObject({ report: 'late', level: 'yellow' });
    expect(problemClock({ ...base, lastReport: '2026-10-06', today: '2026-10-08' })).toMatchObject({ report: 'ok', level: 'ok' });
  });
  it('a missed deadline is red', () => {
    expect(problemClock({ ...base, lastReport: '2026-10-30', today: '2026-11-02' })).toMatchObject({ daysLeft: -1, level: 'red' });
  });
  it('pauses while waiting for the firm: the due date moves and no report is asked for', () => {
    const pauses = [{ from: '2026-10-08', to: null, reason: '等待企业补充用地资料' }];
    const c = problemClock({ ...base, pauses, today: '2026-10-20' });
    expect(c.paused).toBe(true);
    expect(c.report).toBe('ok');
    expect(c.dueDate > '2026-10-30').toBe(true);
    expect(c.usedDays).toBe(3); // 29, 30 Sep and 8 Oct, the day the pause began
  });
});

describe('blockage causes', () => {
  it('are required when the deadline is missed or extended', () => {
    expect(blockageRequired({ today: '2026-10-30', dueDate: '2026-10-30', extending: false })).toBe(false);
    expect(blockageRequired({ today: '2026-10-31', dueDate: '2026-10-30', extending: false })).toBe(true);
    expect(blockageRequired({ today: '2026-10-01', dueDate: '2026-10-30', extending: true })).toBe(true);
  });
  it('name the unit exactly when a unit is responsible, always with a sentence', () => {
    expect(blockageProblem(null, true)).toBe('pr.blockage.required');
    expect(blockageProblem(null, false)).toBeNull();
    expect(blockageProblem({ class: 'unit', unit: null, text: 'x' }, true)).toBe('pr.blockage.unitNeeded');
    expect(blockageProblem({ class: 'legacy', unit: 'gh', text: 'x' }, true)).toBe('pr.blockage.unitOnlyForUnit');
    expect(blockageProblem({ class: 'mechanism', unit: null, text: ' ' }, true)).toBe('pr.blockage.textNeeded');
    expect(blockageProblem({ class: 'unit', unit: 'gh', text: '规划条件核实超期' }, true)).toBeNull();
  });
});
