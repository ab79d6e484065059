import type { PgMigration } from './index';

/** Step 10 on PostgreSQL: the issued certificate's PDF, written once after the issuing transaction, as SQLite 008. */
export const pgMigration010: PgMigration = {
  version: 10,
  name: 'certificate-files',
  up: `
CREATE TABLE certificate_files (
  certificate_id INTEGER PRIMARY KEY REFERENCES certificates(id),
  pdf BYTEA NOT NULL CHECK (length(pdf) > 0)
);
CREATE TRIGGER certificate_files_immutable BEFORE UPDATE ON certificate_files
  FOR EACH ROW EXECUTE FUNCTION desk_refuse('an issued certificate never changes');
CREATE TRIGGER certificate_files_no_delete BEFORE DELETE ON certificate_files
  FOR EACH ROW EXECUTE FUNCTION desk_refuse('certificates are never deleted');
CREATE TRIGGER certificate_files_no_truncate BEFORE TRUNCATE ON certificate_files
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('certificates are never deleted');
INSERT INTO certificate_files (certificate_id, pdf) SELECT id, pdf FROM certificates WHERE length(pdf) > 0;
`,
};
