import type { Trx } from './connection';
import type { Q } from './problems-schema';

/** SQL of assignment meetings beyond the joint session's own tables: attendance by department, the meeting's assignments. */

export async function problemAttendance(db: Q, meetingId: number): Promise<{ department: string; people: string[] }[]> {
  const rows = await db
    .selectFrom('problem_meeting_attendance')
    .select(['department', 'name'])
    .where('meeting_id', '=', meetingId)
    .orderBy('department')
    .orderBy('position')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.department, [...(out.get(r.department) ?? []), r.name]);
  return [...out].map(([department, people]) => ({ department, people }));
}

/** Replaces who came for one department (an empty list takes the department off the list). */
export async function setProblemAttendance(trx: Trx, meetingId: number, department: string, people: readonly string[]): Promise<void> {
  await trx.deleteFrom('problem_meeting_attendance').where('meeting_id', '=', meetingId).where('department', '=', department).execute();
  for (const [position, name] of people.entries())
    await trx.insertInto('problem_meeting_attendance').values({ meeting_id: meetingId, department, position, name }).execute();
}

/** The assignments made at this meeting, by problem (the first one, should a problem come up again later). */
export async function meetingAssignments(db: Q, meetingId: number) {
  const rows = await db
    .selectFrom('problem_assignments')
    .select(['problem_id', 'lead', 'cooperating', 'opinion', 'limit_days', 'from_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
  const byProblem = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!byProblem.has(r.problem_id)) byProblem.set(r.problem_id, r);
  return byProblem;
}
