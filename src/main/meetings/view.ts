import type { Db, Trx } from '../db/connection';
import type { MeetingView } from '../../shared/contract/meetings';
import type { FilingState } from '../../shared/domain/states';
import type { UnitCode } from '../../shared/domain/units';
import { DeskError } from '../../shared/result';
import { getAgenda, getAttendance, getMeeting, type MeetingRecord } from '../db/meetings';

export async function requireMeeting(db: Db | Trx, id: number): Promise<MeetingRecord> {
  const m = await getMeeting(db, id);
  if (!m) throw new DeskError('NOT_FOUND', 'err.NOT_FOUND');
  return m;
}

/** A closed meeting is a record; every change after closing is refused the same way. */
export function requireOpen(m: MeetingRecord): void {
  if (m.state === 'closed') throw new DeskError('CONFLICT', 'mt.closed');
}

export async function buildMeetingView(db: Db | Trx, id: number): Promise<MeetingView> {
  const m = await requireMeeting(db, id);
  const [agenda, attendance] = await Promise.all([getAgenda(db, id), getAttendance(db, id)]);
  return {
    id: m.id,
    version: m.version,
    date: m.date,
    time: m.time,
    place: m.place,
    hostId: m.hostId,
    hostName: m.hostName,
    state: m.state,
    units: m.units,
    agenda: agenda.map((a) => ({
      position: a.position,
      filingId: a.filing_id,
      filingNo: a.filing_no,
      projectName: a.project_name,
      applicantName: a.applicant_name,
      state: a.state as FilingState,
    })),
    attendance: m.units.map((unit: UnitCode) => ({
      unit,
      attendees: attendance
        .filter((t) => t.unit === unit)
        .map((t) => ({ userId: t.user_id, username: t.username, displayName: t.display_name })),
    })),
    cursor: m.cursor,
    focusUnit: m.focusUnit,
    createdAt: m.createdAt,
    startedAt: m.startedAt,
    closedAt: m.closedAt,
    minutes: m.minutes,
  };
}
