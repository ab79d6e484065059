import type { Migration } from './index';

/**
 * Joint review sessions (联审会议): the meeting, its agenda of filings, who came for each unit, and the minutes
 * filed with it when it closes. As with decisions, the rules that matter are also held here, so no code path can
 * record a stranger as a unit's attendee, bind a session decision to a meeting it was not taken at, or change a
 * closed meeting's minutes.
 */
export const migration005: Migration = {
  version: 5,
  name: 'meetings',
  up: `
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  time TEXT NOT NULL,
  place TEXT NOT NULL,
  host_id INTEGER NOT NULL REFERENCES users(id),
  host_name TEXT NOT NULL,
  -- invited units, in the ',yj,hb,' form the filings and rounds use
  units TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled','closed')),
  version INTEGER NOT NULL DEFAULT 1,
  -- the shared screen: agenda position and the unit section open on it
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  focus_unit TEXT CHECK (focus_unit IN ('yj','hb','gh','sp','yq')),
  created_at TEXT NOT NULL,
  started_at TEXT,
  closed_at TEXT,
  minutes_pdf BLOB,
  minutes_sha256 TEXT,
  CHECK ((state = 'closed') = (closed_at IS NOT NULL AND minutes_pdf IS NOT NULL))
) STRICT;
CREATE INDEX meetings_date ON meetings(date, time);

CREATE TABLE meeting_agenda (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  filing_id INTEGER NOT NULL REFERENCES filings(id),
  PRIMARY KEY (meeting_id, position),
  UNIQUE (meeting_id, filing_id)
) STRICT;
CREATE INDEX meeting_agenda_filing ON meeting_agenda(filing_id);

CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  unit TEXT NOT NULL CHECK (unit IN ('yj','hb','gh','sp','yq')),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (meeting_id, user_id)
) STRICT;

-- A unit's attendee is one of that unit's reviewers.
CREATE TRIGGER meeting_attendance_reviewer BEFORE INSERT ON meeting_attendance
WHEN NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.user_id AND u.role = 'reviewer' AND u.unit = NEW.unit)
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: an attendee must be a reviewer of the unit');
END;

-- A closed meeting is a record: its minutes, agenda and attendance never change, and meetings are never deleted.
CREATE TRIGGER meetings_closed BEFORE UPDATE ON meetings WHEN OLD.state = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;
CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings BEGIN
  SELECT RAISE(ABORT, 'meetings are never deleted');
END;
CREATE TRIGGER meeting_agenda_closed BEFORE INSERT ON meeting_agenda
WHEN (SELECT state FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;
CREATE TRIGGER meeting_agenda_fixed BEFORE UPDATE ON meeting_agenda BEGIN
  SELECT RAISE(ABORT, 'the agenda of a meeting is fixed when it is scheduled');
END;
CREATE TRIGGER meeting_agenda_no_delete BEFORE DELETE ON meeting_agenda BEGIN
  SELECT RAISE(ABORT, 'the agenda of a meeting is fixed when it is scheduled');
END;
CREATE TRIGGER meeting_attendance_insert_closed BEFORE INSERT ON meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;
CREATE TRIGGER meeting_attendance_delete_closed BEFORE DELETE ON meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;

-- A decision confirmed at a session names an open meeting that has the filing on its agenda, and its
-- decider is recorded there as present for the unit; a desk decision names no meeting.
CREATE TRIGGER decisions_session_meeting BEFORE INSERT ON decisions
WHEN (NEW.confirmed_via = 'session' AND NOT EXISTS (
        SELECT 1 FROM meetings m
        JOIN meeting_agenda a ON a.meeting_id = m.id AND a.filing_id = NEW.filing_id
        JOIN meeting_attendance t ON t.meeting_id = m.id AND t.user_id = NEW.decided_by AND t.unit = NEW.section
        WHERE m.id = NEW.meeting_id AND m.state = 'scheduled'))
  OR (NEW.confirmed_via = 'desk' AND NEW.meeting_id IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'FORBIDDEN: a session decision needs its open meeting, the filing on its agenda and the decider present');
END;
`,
};
