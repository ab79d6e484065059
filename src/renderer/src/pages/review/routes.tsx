import type { RouteDef } from '../../route-def';
import { InboxPage } from './InboxPage';
import { TrajectoryBenchPage } from './TrajectoryBenchPage';

export const routes: RouteDef[] = [
  {
    path: '/inbox',
    render: () => <InboxPage />,
    roles: ['reviewer', 'clerk', 'observer'],
    nav: { labelKey: 'rv.nav.inbox', order: 5, testId: 'nav-inbox' },
  },
  // Timing page for the trajectory map (no navigation entry); the E2E prints its figure.
  { path: '/bench/trajectory', render: () => <TrajectoryBenchPage />, bare: true },
];
