import { z } from 'zod';
import { channel } from './define';
import { departmentCode as dept, distinct, id, nameText, version } from '../schemas/common';
import { meetingViewSchema } from './meetings';

/**
 * An assignment meeting (企业问题交办会) beside the joint session's own channels (meeting.get, meeting.setCursor drive
 * the same shared screen): attendance by department, any department, by name — outside parties hold no accounts —
 * and closing into minutes that list each problem's lead unit, co-units, deadline and next-step opinion.
 */

export const problemAttendanceSchema = z.array(z.strictObject({ department: z.string(), people: z.array(z.string()) }));
export type ProblemAttendance = z.infer<typeof problemAttendanceSchema>;

export const problemMeetingsContract = {
  'problem.meetingAttendance': channel({
    input: z.strictObject({ meetingId: id() }),
    output: problemAttendanceSchema,
    access: 'user',
    writes: false,
  }),
  /** Replaces who came for one department; an empty list takes it off. */
  'problem.setAttendance': channel({
    input: z.strictObject({
      meetingId: id(),
      department: dept(),
      people: z.array(nameText()).max(20, { error: 'v.tooMany' }).refine(distinct, { error: 'v.meeting.duplicate' }),
    }),
    output: problemAttendanceSchema,
    access: ['clerk'],
    writes: true,
  }),
  /** Closes the meeting and files its minutes with it (served as files/minutes/<id>, like a joint session's). */
  'problem.meetingClose': channel({
    input: z.strictObject({ meetingId: id(), version: version() }),
    output: meetingViewSchema,
    access: ['clerk'],
    writes: true,
  }),
};
