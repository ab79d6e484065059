import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different SQL, each behind one function that picks the dialect's
 * piece. Repositories stay dialect-neutral Kysely and call these; the SQLite pieces are the SQL the desk always ran.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Any handle: the read handle, a transaction, or a Kysely of any tables. */
type Handle = Pick<Kysely<unknown>, 'getExecutor'>;

/** Which store a handle (or a transaction on it) talks to, read from Kysely's adapter. */
export function dialectOf(db: Handle): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A JSON text column's value at a dotted path, as text (SQLite json_extract; PostgreSQL jsonb #>>). */
export function jsonText(db: Handle, column: string, path: string[]): RawBuilder<string | null> {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`(${sql.ref(column)}::jsonb #>> ${`{${path.join(',')}}`})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`})`;
}

/** The desk's local (Asia/Shanghai) calendar date of an ISO instant column, YYYY-MM-DD. */
export function localDay(db: Handle, column: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql<string>`desk_local_day(${sql.ref(column)})` : sql<string>`date(${sql.ref(column)}, '+8 hours')`;
}

/**
 * Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case; PostgreSQL's does not, ILIKE does (and is what its
 * pg_trgm indexes serve).
 */
export const likeOperator = (db: Handle) => (dialectOf(db) === 'postgres' ? 'ilike' : 'like') as 'like';
