import { z } from 'zod';
import { channel } from './define';
import { nameText } from '../schemas/common';
import { DEPARTMENT_KINDS } from '../domain/problems';
import { problemSettingsSchema } from './problems-views';

/**
 * The Settings tables of enterprise problems, saved as a whole by the administrator: departments, categories and
 * the deadlines in working days by grade with the reporting cadence. The rules beyond shape are
 * problemSettingsProblems (shared/domain/problem-settings), which the server runs and the form shows.
 */
const code = () => z.string({ error: 'v.text' }).max(16, { error: 'v.ps.code' });
const days = (min: number, max: number) =>
  z.number({ error: 'v.number' }).int({ error: 'v.number' }).min(min, { error: 'v.tooSmall' }).max(max, { error: 'v.tooBig' });

export const problemSettingsInput = z.strictObject({
  departments: z
    .array(
      z.strictObject({
        code: code(),
        nameZh: nameText(),
        nameEn: nameText(),
        kind: z.enum(DEPARTMENT_KINDS, { error: 'v.choice' }),
        active: z.boolean(),
      }),
    )
    .max(100, { error: 'v.tooMany' }),
  categories: z
    .array(z.strictObject({ code: code(), nameZh: nameText(), nameEn: nameText(), active: z.boolean() }))
    .max(50, { error: 'v.tooMany' }),
  limits: z.strictObject({ park: days(1, 250), district: days(1, 250), city: days(1, 250) }),
  reportEveryDays: days(1, 90),
  reminderAfterDays: days(0, 30),
  warningDays: days(0, 30),
});

export const problemSettingsContract = {
  'problem.saveSettings': channel({ input: problemSettingsInput, output: problemSettingsSchema, access: ['admin'], writes: true }),
};
