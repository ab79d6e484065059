import type { RouteDef } from '../../route-def';
import { MeetingsListPage } from './MeetingsListPage';
import { MeetingPage } from './MeetingPage';
import { ControlPage } from './ControlPage';
import { AudiencePage } from './AudiencePage';

export const routes: RouteDef[] = [
  { path: '/meetings', render: () => <MeetingsListPage />, nav: { labelKey: 'mt.nav', order: 30, testId: 'nav-meetings' } },
  { path: '/meetings/:id', render: (p) => <MeetingPage key={p.id} meetingId={Number(p.id)} /> },
  // Session mode belongs to the host (a clerk); the audience view is for any signed-in screen.
  { path: '/meetings/:id/control', render: (p) => <ControlPage key={p.id} meetingId={Number(p.id)} />, roles: ['clerk'], bare: true },
  { path: '/meetings/:id/audience', render: (p) => <AudiencePage key={p.id} meetingId={Number(p.id)} />, bare: true },
];
