import { lazy } from 'react';
import type { RouteDef } from '../../route-def';

// Loaded when first opened, so the desk's first screen does not wait for them.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));
import { FollowUpPage } from './FollowUpPage';

export const routes: RouteDef[] = [
  { path: '/followup', render: () => <FollowUpPage />, nav: { labelKey: 'fu.nav.items', order: 40, testId: 'nav-followup' } },
  { path: '/dashboard', render: () => <DashboardPage />, nav: { labelKey: 'fu.nav.dashboard', order: 50, testId: 'nav-dashboard' } },
];
