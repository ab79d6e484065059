import type { RouteDef } from '../../route-def';
import { RegisterPage } from './RegisterPage';
import { VerifyPage } from './VerifyPage';

export const routes: RouteDef[] = [
  { path: '/certificates', render: () => <RegisterPage />, nav: { labelKey: 'cert.nav.register', order: 40, testId: 'nav-certificates' } },
  { path: '/verify', render: () => <VerifyPage />, nav: { labelKey: 'cert.nav.verify', order: 41, testId: 'nav-verify' } },
];
