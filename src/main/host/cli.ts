import { join } from 'node:path';
import { createDesk, startEscalation } from '../desk';
import { runStartupChecks } from '../startup-checks';
import { countUsers } from '../db/users';
import { startHost } from './server';
import { parseHostArgs, servicesFromEnv, type HostArgs } from './options';

/** A stable default port is friendlier for bookmarks; when it is taken, any free port will do. */
const DEFAULT_PORT = 4780;

async function main(): Promise<void> {
  let args: HostArgs;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: host [--data-dir DIR] [--port N] [--demo]`);
    process.exit(2);
  }
  const desk = createDesk(args.dataDir, servicesFromEnv('browser'));
  // Before the demo loads: the demo's overdue case is left for a clerk to escalate by hand.
  const stopEscalation = await startEscalation(desk);
  const rendererDir = join(__dirname, '..', 'renderer');
  const host = await startHost({ desk, rendererDir, port: args.port ?? DEFAULT_PORT }).catch((err: NodeJS.ErrnoException) => {
    if (args.port === null && err.code === 'EADDRINUSE') return startHost({ desk, rendererDir, port: 0 });
    throw err;
  });

  if (args.demo && desk.services.store.health.ok && (await countUsers(desk.services.store.db)) === 0) {
    const loaded = await desk.dispatch('demo.load', {}, { connectionId: 'host:demo', lang: 'zh-CN' });
    if (!loaded.ok) console.error(`demo data not loaded: ${loaded.error.message}`);
  }
  if (!desk.services.store.health.ok) console.error(`database refused (${desk.services.store.health.problem}): the desk is read-only`);

  // Exactly one line on stdout: launchers and tests parse it.
  process.stdout.write(`Desk ready: ${host.url}\n`);
  // After the desk is serving: the sweep and the full integrity check never hold up the first screen.
  void runStartupChecks(desk);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopEscalation();
    void host.close().finally(() => {
      desk.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
