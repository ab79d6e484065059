import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nativeBinding } from './native';
import { openSqlite, type SqliteHandle } from './connection';
import { DB_FILE, type Store } from './store';

// Runs in a worker thread with a read-only connection of its own: a full integrity_check reads every page and would
// otherwise hold the event loop (and the first screen) for as long as it takes.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) });
  db.pragma('busy_timeout = 10000');
  parentPort.postMessage({ rows: db.pragma('integrity_check(20)').map((r) => String(r.integrity_check)) });
} catch (err) {
  parentPort.postMessage({ rows: [String(err && err.message ? err.message : err)] });
} finally {
  if (db) db.close();
}
`;

/** The same check on this thread: for where a worker cannot load the addon (it blocks while it runs). */
function integrityCheckHere(path: string): string {
  let db: SqliteHandle | undefined;
  try {
    db = openSqlite(path, { readonly: true });
    return (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => String(r.integrity_check)).join('\n');
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    db?.close();
  }
}

/** `ok`, or the first problems SQLite names (up to 20 lines, one per line). */
export async function integrityCheck(path: string): Promise<string> {
  try {
    return await integrityCheckInWorker(path);
  } catch (err) {
    console.error('[integrity] worker unavailable, checking on the main thread:', err instanceof Error ? err.message : err);
    return integrityCheckHere(path);
  }
}

function integrityCheckInWorker(path: string): Promise<string> {
  const module = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, path, binding: nativeBinding() } });
    worker.once('message', (m: { rows: string[] }) => resolve(m.rows.join('\n')));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`integrity check worker exited with ${code}`));
    });
  });
}

/**
 * corrupt-2: the start-up quick_check does not compare indexes with their tables (an edited index lets the desk start
 * "healthy" while a user cannot log in); the full integrity_check does. When it fails, the desk goes read-only with the
 * damaged-database screen, as if quick_check had failed at start. Returns the check's text.
 *
 * On PostgreSQL this does not apply: the server checks its own pages (data checksums, amcheck are the DBA's tools),
 * and there is no file of the desk's to read.
 */
export async function checkIntegrity(store: Store): Promise<string> {
  if (store.kind !== 'sqlite' || !store.health.ok) return 'ok';
  const result = await integrityCheck(join(store.dataDir, DB_FILE));
  if (result !== 'ok' && store.health.ok) Object.assign(store.health, { ok: false, problem: 'db.corrupt', detail: result });
  return result;
}
