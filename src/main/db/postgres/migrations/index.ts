import type { Pool } from 'pg';
import { NewerSchemaError } from '../../migrations';
import { pgMigration001 } from './001-initial';
import { pgMigration002 } from './002-review';
import { pgMigration003 } from './003-certificates';
import { pgMigration004 } from './004-followup';
import { pgMigration005 } from './005-meetings';

export interface PgMigration {
  version: number;
  name: string;
  /** SQL (plpgsql bodies allowed) run inside one transaction. */
  up: string;
}

/**
 * The same numbered steps as SQLite's migrations (../../migrations), written for PostgreSQL; a test holds the two
 * lists to the same numbers and names. Adding step N: write N-topic.ts beside these and append it here.
 */
export const pgMigrations: PgMigration[] = [pgMigration001, pgMigration002, pgMigration003, pgMigration004, pgMigration005];

export const PG_LATEST_VERSION = pgMigrations[pgMigrations.length - 1]!.version;

/** Held for the whole migration, so two instances starting at once migrate one after the other. */
const MIGRATE_LOCK = 7301160515;

/** Applies the missing steps, each in its own transaction; the version lives in desk_schema (PostgreSQL has no user_version). */
export async function migratePg(pool: Pool, upTo: number = PG_LATEST_VERSION): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS desk_schema (one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one), version INTEGER NOT NULL)',
    );
    await client.query('INSERT INTO desk_schema (version) VALUES (0) ON CONFLICT DO NOTHING');
    const read = async () => (await client.query<{ version: number }>('SELECT version FROM desk_schema')).rows[0]!.version;
    const from = await read();
    if (from > PG_LATEST_VERSION) throw new NewerSchemaError(from);
    for (const m of pgMigrations) {
      if (m.version <= from || m.version > upTo) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.up);
        await client.query('UPDATE desk_schema SET version = $1', [m.version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { from, to: await read() };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}
