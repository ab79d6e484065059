import type { MeetingView } from '../../shared/contract/meetings';
import type { Settings } from '../../shared/schemas/settings';
import { translate } from '../../shared/i18n';
import { addWorkingDays, officialCalendar, toIsoDate } from '../../shared/domain/calendar';
import type { Q } from '../db/problems-schema';
import { listCategories, listDepartments } from '../db/problems';
import { meetingAssignments, problemAttendance } from '../db/problem-meetings';
import { parseDepts } from '../db/problems-schema';
import { heldWhen } from '../meetings/minutes';
import { renderAssignmentMinutes, type AssignmentMinutesData } from '../pdf/assignment-minutes';
import { requireProblem } from './view';

/**
 * The minutes of an assignment meeting, always in Chinese (an official document), from what the record holds at
 * closing: who came for which department, and for each problem on the agenda the assignment made at this meeting.
 */
const zh = (key: string) => translate('zh-CN', key);

export async function assignmentMinutesData(
  db: Q,
  meeting: MeetingView,
  agenda: readonly number[],
  settings: Settings,
  issueDate: string,
): Promise<AssignmentMinutesData> {
  const [departments, categories, attendance, assignments] = await Promise.all([
    listDepartments(db),
    listCategories(db),
    problemAttendance(db, meeting.id),
    meetingAssignments(db, meeting.id),
  ]);
  const dept = (code: string) => departments.find((d) => d.code === code)?.nameZh ?? code;
  const problems: AssignmentMinutesData['problems'] = [];
  for (const problemId of agenda) {
    const p = await requireProblem(db, problemId);
    const a = assignments.get(problemId);
    problems.push({
      problemNo: p.problem_no,
      title: p.title,
      firmName: p.firm_name,
      category: categories.find((c) => c.code === p.category)?.nameZh ?? p.category,
      lead: a ? dept(a.lead) : '',
      cooperating: a ? parseDepts(a.cooperating).map(dept).join('、') : '',
      grade: a && p.grade ? zh(`pr.grade.${p.grade}`) : '',
      // The deadline set at this meeting; a later extension or hand-over is the problem's own history, not the meeting's.
      dueDate: a ? addWorkingDays(officialCalendar, toIsoDate(new Date(a.from_at)), a.limit_days) : '',
      opinion: a?.opinion ?? '',
    });
  }
  const held = heldWhen(meeting);
  return {
    title: zh('pr.minutes.title'),
    date: held.date,
    time: held.time,
    place: meeting.place,
    host: meeting.hostName,
    attendance: attendance.map((x) => ({ department: dept(x.department), people: x.people.join('、') })),
    problems,
    issuer: settings.certificate.issuerZh,
    issueDate,
  };
}

export async function buildAssignmentMinutes(
  db: Q,
  meeting: MeetingView,
  agenda: readonly number[],
  settings: Settings,
  issueDate: string,
): Promise<Uint8Array> {
  return renderAssignmentMinutes(await assignmentMinutesData(db, meeting, agenda, settings, issueDate));
}
