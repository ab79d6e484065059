import type { Migration } from './index';

/**
 * The issued certificate's PDF in its own table (issue 12 §7). The number, record and signature are taken in the
 * issuing IMMEDIATE transaction; the PDF is rendered after it, from the stored record alone, and written here once.
 * Rendering is deterministic, so a repeated render gives the same bytes and a failed one leaves a record that renders
 * later. The file never changes and is never deleted, as the certificate row itself (migration 003), whose `pdf`
 * column new certificates leave empty. Files issued before this step move here as they were.
 */
export const migration010: Migration = {
  version: 10,
  name: 'certificate-files',
  up: `
CREATE TABLE certificate_files (
  certificate_id INTEGER PRIMARY KEY REFERENCES certificates(id),
  pdf BLOB NOT NULL CHECK (length(pdf) > 0)
) STRICT;
CREATE TRIGGER certificate_files_immutable BEFORE UPDATE ON certificate_files
BEGIN
  SELECT RAISE(ABORT, 'an issued certificate never changes');
END;
CREATE TRIGGER certificate_files_no_delete BEFORE DELETE ON certificate_files
BEGIN
  SELECT RAISE(ABORT, 'certificates are never deleted');
END;
INSERT INTO certificate_files (certificate_id, pdf) SELECT id, pdf FROM certificates WHERE length(pdf) > 0;
`,
};
