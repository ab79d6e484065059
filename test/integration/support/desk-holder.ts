/**
 * A desk process for restore-1: opens the desk on a data folder (and so holds its shared lock), signs in, writes
 * one account, prints `WROTE <username>`, and stays open until it is killed.
 */
import { createDesk } from '../../../src/main/desk';

async function main() {
  const [dataDir, username, password, tag] = process.argv.slice(2) as [string, string, string, string];
  const desk = createDesk(dataDir, { mode: 'test', scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  const call = { connectionId: `holder-${process.pid}`, lang: 'en' as const };
  const login = await desk.dispatch('auth.login', { username, password }, call);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const name = `observer-${tag}`;
  const created = await desk.dispatch(
    'accounts.create',
    { username: name, displayName: name, role: 'observer', unit: null, password: 'observer-passphrase-2026' },
    call,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  process.stdout.write(`WROTE ${name}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
