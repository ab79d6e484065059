import { lazy } from 'react';
import type { RouteDef } from '../../route-def';

// Loaded when first opened, so the desk's first screen does not wait for them.
const AccountsPage = lazy(() => import('./AccountsPage').then((m) => ({ default: m.AccountsPage })));
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));

export const routes: RouteDef[] = [
  {
    path: '/accounts',
    render: () => <AccountsPage />,
    roles: ['admin'],
    nav: { labelKey: 'admin.nav.accounts', order: 90, testId: 'nav-accounts' },
  },
  {
    path: '/settings',
    render: () => <SettingsPage />,
    roles: ['admin'],
    nav: { labelKey: 'admin.nav.settings', order: 91, testId: 'nav-settings' },
  },
  {
    path: '/audit',
    render: () => <AuditPage />,
    roles: ['admin', 'observer'],
    nav: { labelKey: 'admin.nav.audit', order: 92, testId: 'nav-audit' },
  },
];
