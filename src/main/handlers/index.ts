import type { Handlers } from '../dispatch';
import { authHandlers } from './auth';
import { accountsHandlers } from './accounts';
import { settingsHandlers } from './settings';
import { auditHandlers } from './audit';
import { filingsHandlers } from './filings';
import { demoHandlers } from './demo';
import { reviewHandlers } from './review';
import { backupHandlers } from './backup';
import { certificatesHandlers } from './certificates';
import { meetingsHandlers } from './meetings';
import { followupHandlers } from './followup';
import { dashboardHandlers } from './dashboard';
import { exportHandlers } from './exports';
import { problemsHandlers } from './problems';

/** The one handler map. The type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountsHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...filingsHandlers,
  ...demoHandlers,
  ...reviewHandlers,
  ...backupHandlers,
  ...certificatesHandlers,
  ...meetingsHandlers,
  ...followupHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...problemsHandlers,
};
