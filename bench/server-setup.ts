/**
 * The server benchmark's data: one SQLite desk seeded with the large data set (bench/seed.ts), its accounts, and
 * filings taken into review through the real handlers; then a copy of that folder stays the SQLite side and the
 * original is moved into PostgreSQL by `move-to-server`, so both stores hold the same rows and the same chain.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { seedLargeDesk } from './seed';
import { intoReview, type Call } from './into-review';
import { createDesk, type Desk } from '../src/main/desk';
import { UNIT_CODES } from '../src/shared/domain/units';
import { openSqlite } from '../src/main/db/connection';
import { DB_FILE } from '../src/main/db/store';
import { moveToServer } from '../src/main/cli/move-to-server';

export const PASSWORD = 'bench-password-2026';
/** The same fast key derivation the server uses under DESK_TEST_FAST_KDF, so logins cost the same on both sides. */
export const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

/** One channel call that throws on a refusal: through dispatch (SQLite) or HTTP (the server). */
export type { Call } from './into-review';

let connections = 0;
/** A signed-in caller on an in-process desk, its own connection id playing one window. */
export async function dispatchLogin(desk: Desk, username: string): Promise<Call> {
  const connectionId = `bench:${++connections}`;
  const call: Call = async (channel, input) => {
    const r = await desk.dispatch(channel, input, { connectionId, lang: 'en' });
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
  await call('auth.login', { username, password: PASSWORD });
  return call;
}

/** Accounts: admin, clerk (sp) and one reviewer per unit, `rv-<unit>`. */
async function createAccounts(desk: Desk): Promise<void> {
  const setup = await desk.dispatch(
    'auth.setup',
    { username: 'admin', displayName: 'Bench admin', password: PASSWORD },
    { connectionId: 'bench:setup', lang: 'en' },
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const admin = await dispatchLogin(desk, 'admin');
  await admin('accounts.create', { username: 'clerk', displayName: 'Bench clerk', role: 'clerk', unit: 'sp', password: PASSWORD });
  for (const u of UNIT_CODES)
    await admin('accounts.create', { username: `rv-${u}`, displayName: `Reviewer ${u}`, role: 'reviewer', unit: u, password: PASSWORD });
}

export interface Prepared {
  /** Filings in review (all five sections open), in the order they were made. */
  inReview: number[];
  seedMs: number;
  prepareMs: number;
}

/**
 * The seed writes filings straight through SQL, so the chain vouches for none of them and move-to-server (rightly)
 * refuses such a desk. They are noted as a baseline, as migration 007 notes rows older than the row hashes: the first
 * audited write (the account set-up below) records their hashes on the chain.
 */
function vouchForSeededRows(dir: string): void {
  const sqlite = openSqlite(join(dir, DB_FILE));
  try {
    sqlite.exec(`DELETE FROM audit_dirty;
      INSERT INTO audit_dirty (tbl, row_key, origin) SELECT 'filings', id, 'baseline' FROM filings`);
  } finally {
    sqlite.close();
  }
}

/** Seeds `dir` and takes `ready` filings into review; the desk is closed again at the end. */
export async function prepareDesk(dir: string, size: { filings: number; audit: number; ready: number }): Promise<Prepared> {
  let t = performance.now();
  seedLargeDesk(dir, { filings: size.filings, auditEntries: size.audit });
  vouchForSeededRows(dir);
  const seedMs = performance.now() - t;
  t = performance.now();
  const desk = createDesk(dir, { mode: 'test', scrypt: SCRYPT });
  try {
    await createAccounts(desk);
    const clerk = await dispatchLogin(desk, 'clerk');
    const inReview: number[] = [];
    for (let i = 0; i < size.ready; i++) inReview.push(await intoReview(clerk, i));
    return { inReview, seedMs, prepareMs: performance.now() - t };
  } finally {
    desk.close();
  }
}

/** The prepared folder copied for the SQLite side (the original goes to PostgreSQL). */
export function copyDesk(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.lock') });
}

/**
 * The desk moved into the empty database at `url` (the server's folder gets key, head and attachments). The
 * throwaway test cluster runs with fsync and synchronous_commit off; unless BENCH_PG_FAST=1 they are switched back
 * on, so a PostgreSQL commit is as durable as SQLite's synchronous=FULL one it is compared with.
 */
export async function moveToPg(
  deskDir: string,
  url: string,
  serverDir: string,
  adminUrl: string,
): Promise<{ ms: number; durable: boolean }> {
  const t = performance.now();
  const out = await moveToServer(deskDir, ['--database', url, '--server-data-dir', serverDir]);
  if (out.code !== 0) throw new Error(`move-to-server failed: ${out.lines.join(' / ')}`);
  const ms = performance.now() - t;
  const durable = process.env.BENCH_PG_FAST !== '1';
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    for (const [k, v] of [
      ['fsync', durable ? 'on' : 'off'],
      ['synchronous_commit', durable ? 'on' : 'off'],
      ['full_page_writes', durable ? 'on' : 'off'],
    ])
      await c.query(`ALTER SYSTEM SET ${k} = ${v}`);
    await c.query('SELECT pg_reload_conf()');
    // What is in force, read back rather than assumed: a setting given on the server's command line would outrank
    // ALTER SYSTEM, and the figures must not claim a durability the cluster did not have.
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await c.query<{ on: boolean }>(
      "SELECT bool_and(setting = 'on') AS on FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')",
    );
    if (rows[0]?.on !== durable) throw new Error(`PostgreSQL durability is not ${durable ? 'on' : 'off'} as asked (pg_settings)`);
  } finally {
    await c.end();
  }
  const d = new pg.Client({ connectionString: url });
  await d.connect();
  await d.query('ANALYZE').finally(() => d.end());
  return { ms, durable };
}

/**
 * Waits for PostgreSQL to be done with earlier bulk work before a timed part: a checkpoint writes out what the move
 * and the load left dirty, and autovacuum workers (which the move's million rows wake) are waited for, up to a minute.
 * Without this the first timed parts after the move shared the disk and the two cores with that background work.
 */
export async function settlePg(adminUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query('CHECKPOINT');
    for (let waited = 0; waited < 60_000; waited += 500) {
      const { rows } = await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
      if (Number(rows[0]?.n ?? 0) === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await c.end();
  }
}
