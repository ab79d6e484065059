import { lazy } from 'react';
import type { RouteDef } from '../../route-def';
import { ProblemsPage } from './ProblemsPage';
import { parseDrill } from './drill';

// Loaded when first opened, so the desk's first screen does not wait for them.
const ProblemPage = lazy(() => import('./ProblemPage').then((m) => ({ default: m.ProblemPage })));
const BlockagesPage = lazy(() => import('./BlockagesPage').then((m) => ({ default: m.BlockagesPage })));
const AssignmentMeetingPage = lazy(() => import('./AssignmentMeetingPage').then((m) => ({ default: m.AssignmentMeetingPage })));

/** Enterprise problems (企业诉求): the list, one problem, the common blockages and the assignment meeting. */
export const routes: RouteDef[] = [
  { path: '/problems', render: () => <ProblemsPage />, nav: { labelKey: 'pu.nav', order: 45, testId: 'nav-problems' } },
  { path: '/problems/blockages', render: () => <BlockagesPage /> },
  { path: '/problems/meeting/:id', render: (p) => <AssignmentMeetingPage id={Number(p.id)} /> },
  {
    path: '/problems/drill/:kind/:value',
    render: (p) => <ProblemsPage key={`${p.kind}/${p.value}`} drill={parseDrill(p.kind!, p.value!)} />,
  },
  { path: '/problems/:id', render: (p) => <ProblemPage key={p.id} id={Number(p.id)} /> },
];
