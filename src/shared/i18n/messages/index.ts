import { common } from './common';
import { domain } from './domain';
import { validation } from './validation';
import { shell } from './shell';
import { reviewUi } from './review-ui';
import { filingsUi } from './filings-ui';
import { review } from './review';
import { followup } from './followup';
import { certificates } from './certificates';
import { meetings } from './meetings';
import { adminUi } from './admin-ui';
import { problems } from './problems';
import { problemsUi } from './problems-ui';
import { problemMeetings } from './problem-meetings';
import { access } from './access';
import { desktop } from './desktop';
import { integrity } from './integrity';
import { sessionScreen } from './session-screen';
import { server } from './server';
import { workspace } from './workspace';
import { connection } from './connection';
import { move } from './move';
import { remote } from './remote';

/** Every area's catalogue: key -> [zh-CN, en]. A tuple makes a missing translation a type error. */
export type Messages = Record<string, readonly [string, string]>;

export const messages: Messages[] = [
  common,
  validation,
  domain,
  shell,
  reviewUi,
  filingsUi,
  review,
  meetings,
  certificates,
  followup,
  adminUi,
  problems,
  problemsUi,
  problemMeetings,
  access,
  desktop,
  integrity,
  sessionScreen,
  server,
  workspace,
  connection,
  move,
  remote,
];
