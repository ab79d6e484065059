/**
 * The PostgreSQL migration set: the same numbered steps as SQLite's, each applying on its own, adding what SQLite's
 * step adds (tables, columns, guard triggers), refusing a newer schema and leaving nothing half-done.
 * Runs only against a PostgreSQL cluster (vitest.pg.config.mts; scripts/pg-cluster.mjs provides one).
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import Database from 'better-sqlite3';
import { migrate, migrations } from '../../src/main/db/migrations';
import { migratePg, pgMigrations, PG_LATEST_VERSION } from '../../src/main/db/postgres/migrations';
import { NewerSchemaError } from '../../src/main/db/migrations';
import { createDatabase, databaseUrl } from '../helpers/store';

const pools: pg.Pool[] = [];
async function freshPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl(await createDatabase('desk_migrate')), max: 2 });
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

/**
 * Tables (with their columns) and triggers, by name. The search structures are each store's own: SQLite's FTS5 tables
 * (their shadow tables and triggers) and PostgreSQL's `filing_search` side table (step 11) have no counterpart.
 */
async function pgObjects(pool: pg.Pool) {
  const cols = await pool.query<{ t: string; c: string }>(
    "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('desk_schema', 'filing_search')",
  );
  const triggers = await pool.query<{ name: string }>('SELECT DISTINCT trigger_name AS name FROM information_schema.triggers');
  const truncate = await pool.query<{ name: string }>(
    "SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%truncate%'",
  );
  return {
    columns: cols.rows.map((r) => `${r.t}.${r.c}`).sort(),
    triggers: [...triggers.rows, ...truncate.rows].map((r) => r.name).sort(),
  };
}
function sqliteObjects(db: Database.Database) {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'filings_fts%'").all() as { name: string }[]
  ).map((r) => r.name);
  const columns = tables.flatMap((t) =>
    (db.prepare(`PRAGMA table_xinfo("${t}")`).all() as { name: string }[]).map((c) => `${t}.${c.name}`),
  );
  const triggers = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'filings_fts%'").all() as { name: string }[]
  ).map((r) => r.name);
  return { columns: columns.sort(), triggers: triggers.sort() };
}
const added = (before: string[], after: string[]) => after.filter((x) => !before.includes(x));

describe('PostgreSQL migrations', () => {
  it('are the same numbered steps, with the same names, as SQLite’s', () => {
    expect(pgMigrations.map((m) => [m.version, m.name])).toEqual(migrations.map((m) => [m.version, m.name]));
  });

  // The step before (numbers may leave a gap while branches that hold the steps between are merged).
  for (const [i, m] of pgMigrations.entries()) {
    const prev = i > 0 ? pgMigrations[i - 1]!.version : 0;
    it(`step ${m.version} (${m.name}) applies on top of ${prev} and adds what SQLite’s step ${m.version} adds`, async () => {
      const pool = await freshPool();
      await migratePg(pool, prev);
      const before = await pgObjects(pool);
      expect(await migratePg(pool, m.version)).toEqual({ from: prev, to: m.version });
      const after = await pgObjects(pool);
      expect(after.columns).toEqual(expect.arrayContaining(before.columns));

      const lite = new Database(':memory:');
      migrate(lite, prev);
      const liteBefore = sqliteObjects(lite);
      migrate(lite, m.version);
      const liteAfter = sqliteObjects(lite);
      // Every column SQLite's step adds, PostgreSQL's adds too, under the same name.
      expect(added(before.columns, after.columns)).toEqual(added(liteBefore.columns, liteAfter.columns));
      // Every guard trigger of SQLite's step has its PostgreSQL namesake (PostgreSQL adds TRUNCATE guards and numbering).
      expect(added(before.triggers, after.triggers)).toEqual(expect.arrayContaining(added(liteBefore.triggers, liteAfter.triggers)));
    });
  }

  it('migrate an empty database to the latest step; again is a no-op; two instances starting at once both succeed', async () => {
    const pool = await freshPool();
    const other = new pg.Pool({ connectionString: pool.options.connectionString, max: 1 });
    pools.push(other);
    const results = await Promise.all([migratePg(pool), migratePg(other)]);
    expect(results.map((r) => r.to)).toEqual([PG_LATEST_VERSION, PG_LATEST_VERSION]);
    expect(results.map((r) => r.from).sort()).toEqual([0, PG_LATEST_VERSION]);
    expect(await migratePg(pool)).toEqual({ from: PG_LATEST_VERSION, to: PG_LATEST_VERSION });
  });

  it('a failing step leaves the database as it was', async () => {
    const pool = await freshPool();
    await migratePg(pool, 1);
    const broken = { version: PG_LATEST_VERSION + 1, name: 'broken', up: 'CREATE TABLE half_done (x int); SELECT no_such_function();' };
    pgMigrations.push(broken);
    try {
      await expect(migratePg(pool, broken.version)).rejects.toThrow(/no_such_function/);
    } finally {
      pgMigrations.pop();
    }
    const { rows } = await pool.query("SELECT to_regclass('half_done') AS t, (SELECT version FROM desk_schema) AS v");
    expect(rows).toEqual([{ t: null, v: PG_LATEST_VERSION }]);
  });

  it('refuses a database written by a newer desk', async () => {
    const pool = await freshPool();
    await migratePg(pool);
    await pool.query('UPDATE desk_schema SET version = $1', [PG_LATEST_VERSION + 5]);
    await expect(migratePg(pool)).rejects.toThrow(NewerSchemaError);
  });

  it('refuses a database whose ctype cannot give Chinese trigrams', async () => {
    const name = `desk_c_ctype_${process.pid}`;
    const admin = new pg.Pool({ connectionString: databaseUrl('postgres'), max: 1 });
    pools.push(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
    pools.push(pool);
    await expect(migratePg(pool)).rejects.toThrow(/UTF-8 ctype/);
  });
});
