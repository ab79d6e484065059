import { lazy } from 'react';
import type { RouteDef } from '../../route-def';

// Loaded when first opened, so the desk's first screen does not wait for them.
const RegisterPage = lazy(() => import('./RegisterPage').then((m) => ({ default: m.RegisterPage })));
const VerifyPage = lazy(() => import('./VerifyPage').then((m) => ({ default: m.VerifyPage })));

export const routes: RouteDef[] = [
  { path: '/certificates', render: () => <RegisterPage />, nav: { labelKey: 'cert.nav.register', order: 40, testId: 'nav-certificates' } },
  { path: '/verify', render: () => <VerifyPage />, nav: { labelKey: 'cert.nav.verify', order: 41, testId: 'nav-verify' } },
];
