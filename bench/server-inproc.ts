/**
 * Where a decision's time goes on PostgreSQL without the server around it: the same handlers through dispatch in this
 * process on a PgStore (a third "instance" on the server's data folder), counting the statements sent per decision.
 */
import type pg from 'pg';
import { deskOn } from '../src/main/desk';
import { openPgStore } from '../src/main/db/postgres/store';
import { decideFiling, reviewersVia } from './server-measure';
import { dispatchLogin, SCRYPT } from './server-setup';

export async function decideInProcess(url: string, dataDir: string, filings: number[]): Promise<{ times: number[]; perDecision: number }> {
  const store = await openPgStore(url, dataDir, { poolSize: 4 });
  const desk = deskOn(store, { mode: 'test', scrypt: SCRYPT });
  let statements = 0;
  const counted = new WeakSet<pg.PoolClient>();
  store.pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      statements++;
      return query(...a);
    };
  });
  try {
    const rv = await reviewersVia((u) => dispatchLogin(desk, u));
    const times: number[] = [];
    statements = 0; // from here on: each filing's review.get and its five decisions
    for (const id of filings) await decideFiling(rv, id, times);
    return { times, perDecision: times.length ? statements / times.length : 0 };
  } finally {
    await desk.close(); // ends the pool too
  }
}
