import type { Input } from '../../../../shared/contract';
import { BLOCKAGE_CLASSES, PROBLEM_GRADES } from '../../../../shared/domain/problems';

/** A blockage-view cell as a hash path and back, so a drill-down is a link that can be reopened and shared. */
export type Drill = Partial<Input<'problem.list'>>;

export function drillPath(kind: 'cause' | 'overdue' | 'reassigned' | 'unsatisfied' | 'solved', value: string): string {
  return `/problems/drill/${kind}/${encodeURIComponent(value)}`;
}

export function parseDrill(kind: string, value: string): Drill {
  const [a = '', b = '', c = ''] = value.split('~');
  const grade = PROBLEM_GRADES.find((g) => g === b) ?? null;
  switch (kind) {
    case 'cause':
      return { category: a || null, causeClass: BLOCKAGE_CLASSES.find((x) => x === b) ?? null, causeUnit: c || null };
    case 'overdue':
      return { overdueOnly: true, lead: a || null };
    case 'reassigned':
      return { reassignedOnly: true, category: a || null };
    case 'unsatisfied':
      return { unsatisfiedOnly: true };
    case 'solved':
      return { states: ['closed'], category: a || null, grade };
    default:
      return {};
  }
}
