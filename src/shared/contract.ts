import type { z } from 'zod';
import { authContract, accountsContract } from './contract/auth';
import { filingsContract, settingsContract, auditContract } from './contract/filings';
import { reviewContract } from './contract/review';
import { backupContract } from './contract/backup';
import { certificatesContract } from './contract/certificates';
import { meetingsContract } from './contract/meetings';
import { followupContract } from './contract/followup';
import { problemsContract } from './contract/problems';
import { problemMeetingsContract } from './contract/problem-meetings';
import { problemSettingsContract } from './contract/problem-settings';

/** Every channel the desk answers: name -> { input, output, access, writes }. The one source of truth. */
export const contract = {
  ...authContract,
  ...accountsContract,
  ...filingsContract,
  ...settingsContract,
  ...auditContract,
  ...reviewContract,
  ...backupContract,
  ...certificatesContract,
  ...meetingsContract,
  ...followupContract,
  ...problemsContract,
  ...problemMeetingsContract,
  ...problemSettingsContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

/** Push events from main to every open window (live updates, issue 3 §10). */
export interface DeskEvents {
  'filing.changed': { filingId: number; version: number };
  'inbox.changed': { units: string[] };
  'meeting.changed': { meetingId: number };
  'notifications.changed': Record<string, never>;
}
export type DeskEvent = keyof DeskEvents;
