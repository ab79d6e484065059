/**
 * One desk process racing another for certificate numbers (certificates-race.test.ts): signs in as the clerk,
 * says 'ready' and waits for 'go' on stdin (so both are signed in before either writes), issues a certificate for each given filing, prints the numbers as JSON.
 */
import { createDesk, deskOn, type Desk } from '../../src/main/desk';
import { openPgStore } from '../../src/main/db/postgres/store';

async function main() {
  const [dir, ids, username, password, pgUrl] = process.argv.slice(2) as [string, string, string, string, string?];
  // With a PostgreSQL URL the worker is another server instance on the same database.
  const options = { mode: 'test' as const, checkOutputs: true };
  const desk: Desk = pgUrl ? deskOn(await openPgStore(pgUrl, dir), options) : createDesk(dir, options);
  const call = { connectionId: `race-${process.pid}`, lang: 'en' as const };
  const login = await desk.dispatch('auth.login', { username, password }, call);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  process.stdout.write('ready\n');
  await new Promise((r) => process.stdin.once('data', r));
  const started = Date.now();
  const results = await Promise.all(
    ids.split(',').map(async (id, i) => {
      const filing = await desk.dispatch('filing.get', { id: Number(id) }, call);
      if (!filing.ok) throw new Error(JSON.stringify(filing.error));
      const version = (filing.value as { version: number }).version;
      const r = await desk.dispatch(
        'certificate.issue',
        { filingId: Number(id), version, idempotencyKey: `race-${process.pid}-${i}` },
        call,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as { number: string; seq: number };
    }),
  );
  process.stdout.write(
    `${JSON.stringify({ started, ended: Date.now(), issued: results.map((r) => ({ number: r.number, seq: r.seq })) })}\n`,
  );
  await desk.close();
  process.stdin.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
