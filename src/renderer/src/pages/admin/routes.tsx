import type { RouteDef } from '../../route-def';
import { AccountsPage } from './AccountsPage';
import { SettingsPage } from './SettingsPage';
import { AuditPage } from './AuditPage';

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
