import type { Migration } from './index';

/**
 * Assignment meetings (企业问题交办会) take their attendance by department, beyond the five review units: the people
 * who came for each department, by name, because outside parties (the power company, the railway) hold no accounts.
 * As with a joint session's attendance, a closed meeting's list never changes.
 */
export const migration008: Migration = {
  version: 8,
  name: 'problem-meetings',
  up: `
CREATE TABLE problem_meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  department TEXT NOT NULL REFERENCES departments(code),
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (meeting_id, department, position)
) STRICT;

CREATE TRIGGER problem_meeting_attendance_closed BEFORE INSERT ON problem_meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;
CREATE TRIGGER problem_meeting_attendance_delete_closed BEFORE DELETE ON problem_meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed meeting cannot be changed');
END;
CREATE TRIGGER problem_meeting_attendance_fixed BEFORE UPDATE ON problem_meeting_attendance BEGIN
  SELECT RAISE(ABORT, 'attendance is replaced, never edited');
END;
`,
};
