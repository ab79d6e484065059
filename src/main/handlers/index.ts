import type { Handlers } from '../dispatch';
import type { FileRoutes } from '../host/files';
import { authHandlers } from './auth';
import { accountsHandlers } from './accounts';
import { settingsHandlers } from './settings';
import { auditHandlers } from './audit';
import { filingsHandlers, filingFiles } from './filings';
import { demoHandlers } from './demo';
import { reviewHandlers } from './review';
import { backupHandlers } from './backup';
import { certificatesHandlers, certificateFiles } from './certificates';
import { meetingsHandlers, meetingFiles } from './meetings';
import { followupHandlers, followupFiles } from './followup';
import { dashboardHandlers } from './dashboard';
import { exportHandlers, exportFiles } from './exports';
import { problemsHandlers, problemFiles } from './problems';
import { problemMeetingsHandlers } from './problem-meetings';
import { problemSettingsHandlers } from './problem-settings';

/** The one handler map. The type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountsHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...filingsHandlers,
  ...demoHandlers(() => handlers),
  ...reviewHandlers,
  ...backupHandlers,
  ...certificatesHandlers,
  ...meetingsHandlers,
  ...followupHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...problemsHandlers,
  ...problemMeetingsHandlers,
  ...problemSettingsHandlers,
};

/** Every file the desk serves, by kind; each route declares who may read it, as a channel declares its access. */
export const fileRoutes: FileRoutes = {
  ...filingFiles,
  ...certificateFiles,
  ...meetingFiles,
  ...followupFiles,
  ...exportFiles,
  ...problemFiles,
};
