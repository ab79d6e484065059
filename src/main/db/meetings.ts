import type { Db, Trx } from './connection';
import type { UnitCode } from '../../shared/domain/units';
import type { MeetingState } from '../../shared/contract/meetings';
import { parseUnits, unitList } from './review';

type Q = Db | Trx;

export interface MeetingRecord {
  id: number;
  version: number;
  date: string;
  time: string;
  place: string;
  hostId: number;
  hostName: string;
  state: MeetingState;
  units: UnitCode[];
  cursor: number;
  focusUnit: UnitCode | null;
  createdAt: string;
  startedAt: string | null;
  closedAt: string | null;
  minutes: { bytes: number; sha256: string } | null;
}

const summaryColumns = [
  'id',
  'version',
  'date',
  'time',
  'place',
  'host_id',
  'host_name',
  'state',
  'units',
  'cursor',
  'focus_unit',
  'created_at',
  'started_at',
  'closed_at',
  'minutes_sha256',
] as const;

export async function getMeeting(db: Q, id: number): Promise<MeetingRecord | null> {
  const r = await db
    .selectFrom('meetings')
    .select([...summaryColumns, (eb) => eb.fn<number | null>('length', [eb.ref('minutes_pdf')]).as('minutes_bytes')])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    version: r.version,
    date: r.date,
    time: r.time,
    place: r.place,
    hostId: r.host_id,
    hostName: r.host_name,
    state: r.state as MeetingState,
    units: parseUnits(r.units),
    cursor: r.cursor,
    focusUnit: r.focus_unit as UnitCode | null,
    createdAt: r.created_at,
    startedAt: r.started_at,
    closedAt: r.closed_at,
    minutes: r.minutes_sha256 && r.minutes_bytes !== null ? { bytes: Number(r.minutes_bytes), sha256: r.minutes_sha256 } : null,
  };
}

export async function insertMeeting(
  trx: Trx,
  a: {
    date: string;
    time: string;
    place: string;
    hostId: number;
    hostName: string;
    units: readonly UnitCode[];
    agenda: readonly number[];
    now: string;
  },
): Promise<number> {
  const row = await trx
    .insertInto('meetings')
    .values({
      date: a.date,
      time: a.time,
      place: a.place,
      host_id: a.hostId,
      host_name: a.hostName,
      units: unitList(a.units),
      created_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, filingId] of a.agenda.entries())
    await trx.insertInto('meeting_agenda').values({ meeting_id: row.id, position, filing_id: filingId }).execute();
  return row.id;
}

export async function getAgenda(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_agenda as a')
    .innerJoin('filings as f', 'f.id', 'a.filing_id')
    .select(['a.position', 'a.filing_id', 'f.filing_no', 'f.project_name', 'f.applicant_name', 'f.state'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

export async function getAttendance(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_attendance as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.unit', 't.user_id', 'u.username', 'u.display_name'])
    .where('t.meeting_id', '=', meetingId)
    .orderBy('t.unit')
    .orderBy('u.display_name')
    .execute();
}

export async function isAttending(db: Q, meetingId: number, userId: number, unit: UnitCode): Promise<boolean> {
  const r = await db
    .selectFrom('meeting_attendance')
    .select('user_id')
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .where('unit', '=', unit)
    .executeTakeFirst();
  return r !== undefined;
}

/** Replaces one unit's attendees. */
export async function setUnitAttendance(trx: Trx, meetingId: number, unit: UnitCode, userIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).where('unit', '=', unit).execute();
  for (const userId of userIds)
    await trx.insertInto('meeting_attendance').values({ meeting_id: meetingId, unit, user_id: userId }).execute();
}

export async function addAttendee(trx: Trx, meetingId: number, unit: UnitCode, userId: number): Promise<void> {
  await trx
    .insertInto('meeting_attendance')
    .values({ meeting_id: meetingId, unit, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Optimistic update of a scheduled meeting: moves its version on, or returns false when someone else did first
 * (or the meeting closed meanwhile).
 */
export async function bumpMeeting(
  trx: Trx,
  id: number,
  expected: number,
  set: Partial<{
    cursor: number;
    focus_unit: UnitCode | null;
    started_at: string;
    state: 'closed';
    closed_at: string;
    minutes_pdf: Uint8Array;
    minutes_sha256: string;
  }> = {},
): Promise<boolean> {
  const r = await trx
    .updateTable('meetings')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listMeetings(db: Q) {
  return db
    .selectFrom('meetings as x')
    .select((eb) => [
      'x.id',
      'x.date',
      'x.time',
      'x.place',
      'x.host_name',
      'x.state',
      'x.units',
      eb
        .selectFrom('meeting_agenda as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'x.id')
        .as('agenda_count'),
      eb('x.minutes_sha256', 'is not', null).as('has_minutes'),
    ])
    .orderBy('x.date', 'desc')
    .orderBy('x.time', 'desc')
    .orderBy('x.id', 'desc')
    .limit(500)
    .execute();
}

export async function getMinutes(db: Q, id: number): Promise<{ pdf: Uint8Array; date: string } | null> {
  const r = await db.selectFrom('meetings').select(['minutes_pdf', 'date']).where('id', '=', id).executeTakeFirst();
  return r?.minutes_pdf ? { pdf: r.minutes_pdf, date: r.date } : null;
}

/** Open meetings that have this filing on their agenda (a filing may be discussed at more than one). */
export async function openMeetingsOf(db: Q, filingId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting_agenda as a')
    .innerJoin('meetings as x', 'x.id', 'a.meeting_id')
    .select('x.id')
    .where('a.filing_id', '=', filingId)
    .where('x.state', '=', 'scheduled')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveCursor(trx: Trx, id: number, position: number, focusUnit: UnitCode | null): Promise<void> {
  await trx
    .updateTable('meetings')
    .set({ cursor: position, focus_unit: focusUnit })
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .execute();
}

export async function activeReviewerIds(db: Q, unit: UnitCode): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'reviewer')
    .where('unit', '=', unit)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}
