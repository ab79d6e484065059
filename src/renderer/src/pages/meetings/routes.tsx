import { lazy } from 'react';
import type { RouteDef } from '../../route-def';

// Loaded when first opened, so the desk's first screen does not wait for them.
const MeetingsListPage = lazy(() => import('./MeetingsListPage').then((m) => ({ default: m.MeetingsListPage })));
const MeetingPage = lazy(() => import('./MeetingPage').then((m) => ({ default: m.MeetingPage })));
const ControlPage = lazy(() => import('./ControlPage').then((m) => ({ default: m.ControlPage })));
const AudiencePage = lazy(() => import('./AudiencePage').then((m) => ({ default: m.AudiencePage })));

export const routes: RouteDef[] = [
  { path: '/meetings', render: () => <MeetingsListPage />, nav: { labelKey: 'mt.nav', order: 30, testId: 'nav-meetings' } },
  { path: '/meetings/:id', render: (p) => <MeetingPage key={p.id} meetingId={Number(p.id)} /> },
  // Session mode belongs to the host (a clerk); the audience view is for any signed-in screen.
  { path: '/meetings/:id/control', render: (p) => <ControlPage key={p.id} meetingId={Number(p.id)} />, roles: ['clerk'], bare: true },
  { path: '/meetings/:id/audience', render: (p) => <AudiencePage key={p.id} meetingId={Number(p.id)} />, bare: true },
];
