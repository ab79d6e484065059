import type { PgMigration } from './index';

// SQLite's step 008-problem-meetings, for PostgreSQL: attendance of assignment meetings by department and name, with
// the closed-meeting guard of step 005 (meeting_closed_guard) reused.
export const pgMigration008: PgMigration = {
  version: 8,
  name: 'problem-meetings',
  up: `
CREATE TABLE problem_meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  department TEXT NOT NULL REFERENCES departments(code),
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (meeting_id, department, position)
);

CREATE TRIGGER problem_meeting_attendance_closed BEFORE INSERT ON problem_meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION meeting_closed_guard();
CREATE TRIGGER problem_meeting_attendance_delete_closed BEFORE DELETE ON problem_meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION meeting_closed_guard();
CREATE TRIGGER problem_meeting_attendance_fixed BEFORE UPDATE ON problem_meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION desk_refuse('attendance is replaced, never edited');
CREATE TRIGGER problem_meeting_attendance_no_truncate BEFORE TRUNCATE ON problem_meeting_attendance
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('a closed meeting cannot be changed');
`,
};
