import type { RouteDef } from '../../route-def';
import { FilingsListPage } from './FilingsListPage';
import { NewFilingPage } from './NewFilingPage';
import { FilingPage } from './FilingPage';

// `/filings/new` comes before `/filings/:id`; for roles without it, `new` falls through to the page's not-found.
export const routes: RouteDef[] = [
  { path: '/filings', render: () => <FilingsListPage />, nav: { labelKey: 'nav.filings', order: 10, testId: 'nav-filings' } },
  {
    path: '/filings/new',
    render: () => <NewFilingPage />,
    roles: ['clerk'],
    nav: { labelKey: 'nav.newFiling', order: 20, testId: 'nav-new-filing' },
  },
  { path: '/filings/:id', render: (p) => <FilingPage id={p.id!} /> },
];
