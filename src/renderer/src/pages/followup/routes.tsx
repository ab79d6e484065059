import type { RouteDef } from '../../route-def';
import { FollowUpPage } from './FollowUpPage';
import { DashboardPage } from './DashboardPage';

export const routes: RouteDef[] = [
  { path: '/followup', render: () => <FollowUpPage />, nav: { labelKey: 'fu.nav.items', order: 40, testId: 'nav-followup' } },
  { path: '/dashboard', render: () => <DashboardPage />, nav: { labelKey: 'fu.nav.dashboard', order: 50, testId: 'nav-dashboard' } },
];
