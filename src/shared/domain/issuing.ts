/** When a certificate may be issued (domain §5 policy, §6, §8). Pure over loaded records. */
import type { Settings } from '../schemas/settings';
import type { FilingState } from './states';
import type { UnitCode } from './units';

/** The parts of a tracked item the issuing rules read. */
export interface IssueItem {
  kind: string;
  blocks: string;
  state: string;
}

/** Open = not yet verified and closed (an item supplied but not checked still stands on the certificate). */
export const isOpen = (item: Pick<IssueItem, 'state'>) => item.state === 'open' || item.state === 'supplied';

export interface Problem {
  key: string;
  params: Record<string, string | number>;
}

export interface IssueFacts {
  state: FilingState;
  /** A certificate in force (issued or suspended) already exists for the filing. */
  hasLive: boolean;
  /** Whether the last review round is closed. */
  roundClosed: boolean;
  /** Units without a current, non-stale decision. */
  undecided: UnitCode[];
  trackedItems: IssueItem[];
  policy: Settings['conditionalPolicy'];
}

export function issueProblems(f: IssueFacts): Problem[] {
  const problems: Problem[] = [];
  if (f.hasLive) problems.push({ key: 'cert.problem.exists', params: {} });
  if (f.state !== 'approved') problems.push({ key: 'cert.problem.state', params: { state: f.state } });
  if (f.state === 'approved' && (!f.roundClosed || f.undecided.length > 0))
    problems.push({ key: 'cert.problem.undecided', params: { units: f.undecided.join(', ') } });
  const open = f.trackedItems.filter(isOpen);
  // A condition that blocks 'lock' holds registration back whatever the policy; the policy governs missing papers.
  const locking = open.filter((i) => i.kind === 'condition' && i.blocks === 'lock').length;
  if (locking) problems.push({ key: 'cert.problem.lockingConditions', params: { n: locking } });
  const papers = open.filter((i) => i.kind === 'material').length;
  if (f.policy === 'lock' && papers) problems.push({ key: 'cert.problem.missingPapers', params: { n: papers } });
  return problems;
}
