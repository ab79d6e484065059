import { defineConfig } from 'vitest/config';

/**
 * The integration suite of rules and handlers on PostgreSQL (DESK_STORE=postgres; DESK_PG_URL from
 * scripts/pg-cluster.mjs), plus PostgreSQL's own machinery tests. Tests of SQLite's own machinery (file damage, WAL
 * crashes, the backup file, SQLite's migrations and pragmas) and the browser-mode host (one machine's transport, on its
 * own SQLite desk) stay on SQLite only.
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts', 'test/postgres/**/*.test.ts'],
    exclude: [
      'test/integration/backup.test.ts',
      'test/integration/corrupt.test.ts',
      'test/integration/crash.test.ts',
      'test/integration/host.test.ts',
      'test/integration/host-load.test.ts',
      // The full integrity_check reads the desk's SQLite file; PostgreSQL checks its own pages (db/integrity.ts).
      'test/integration/integrity-check.test.ts',
      // SQLite's own integrity machinery: the signed head file beside a SQLite desk (audit-head), verifyRows and the
      // verify-audit CLI reading the desk folder's SQLite file (audit-rows, refusals' chain check), and the data
      // folder's lock held by SQLite desk processes against restore (folder-lock).
      'test/integration/audit-head.test.ts',
      'test/integration/audit-rows.test.ts',
      'test/integration/folder-lock.test.ts',
      'test/integration/refusals.test.ts',
      // Rules and handlers, but their checks still read SQLite's handle directly; they join the PostgreSQL run once
      // those reads go through the test desk's query() (as the files above did).
      'test/integration/certificate-pages.test.ts',
      'test/integration/certificate-verify-facts.test.ts',
      'test/integration/review-rules.test.ts',
      'test/integration/migrations.test.ts',
      'test/integration/store.test.ts',
    ],
    env: { DESK_STORE: 'postgres' },
    environment: 'node',
    // Every statement is a round trip to the server here (SQLite's are calls in the same process): more headroom.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two workers (Vitest's default is one on two cores): much of this run waits on round trips to the server.
    maxWorkers: 2,
    globalSetup: ['test/helpers/build-global.ts'],
  },
});
