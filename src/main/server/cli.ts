import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickLang, translate } from '../../shared/i18n';
import { deskOn, startEscalation } from '../desk';
import { countUsers } from '../db/users';
import { openPgStore, redactUrl, type PgStore } from '../db/postgres/store';
import { startLiveRelay } from '../db/postgres/live';
import { servicesFromEnv } from '../host/options';
import { parseServerArgs, SERVER_USAGE, type ServerArgs } from './options';
import { startDistrictServer } from './http';
import { runStartupChecks } from '../startup-checks';

// npm run server -- --database <url> --listen <host:port> [--data-dir DIR] [--tls-cert F --tls-key F | --insecure-loopback] [--demo]
const lang = pickLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'zh-CN');
const say = (key: string, params: Record<string, unknown> = {}) => translate(lang, key, params);

/** One line on stderr and a non-zero exit: start-up refusals are for the administrator at a console. */
function die(line: string, code = 1): never {
  console.error(line);
  process.exit(code);
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with an empty message. */
function reasonOf(err: unknown): string {
  const e = err as { message?: string; code?: string; errors?: { message?: string }[] };
  return e.message || e.errors?.[0]?.message || e.code || String(err);
}

function readTls(args: ServerArgs): { cert: Buffer; key: Buffer } | null {
  if (!args.tls) return null;
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      return die(say('server.tlsFile', { what: say(what), path, reason: reasonOf(err) }), 2);
    }
  };
  return { cert: read(args.tls.cert, 'server.tlsCert'), key: read(args.tls.key, 'server.tlsKey') };
}

async function openStore(args: ServerArgs): Promise<PgStore> {
  const url = redactUrl(args.database);
  const store = await openPgStore(args.database, args.dataDir).catch((err: unknown) =>
    die(say('server.unreachable', { url, reason: reasonOf(err) })),
  );
  if (!store.health.ok) {
    await store.close();
    if (store.health.problem === 'db.newer') die(say('server.newerSchema', { url, detail: store.health.detail }));
    die(say('server.chain', { detail: store.health.detail }));
  }
  return store;
}

async function main(): Promise<void> {
  let args: ServerArgs;
  try {
    args = parseServerArgs(process.argv.slice(2));
  } catch (err) {
    return die(`${(err as Error).message}\n${SERVER_USAGE}`, 2);
  }
  const tls = readTls(args);
  const store = await openStore(args);
  const desk = deskOn(store, servicesFromEnv('server'));
  const stopEscalation = await startEscalation(desk);

  if (args.demo) {
    if ((await countUsers(store.db)) === 0) {
      const loaded = await desk.dispatch('demo.load', {}, { connectionId: 'server:demo', lang });
      if (!loaded.ok) console.error(`demo: ${loaded.error.message}`);
    } else console.error(say('server.demoSkipped'));
  }

  const rendererDir = join(__dirname, '..', 'renderer');
  const server = await startDistrictServer({ desk, rendererDir, host: args.host, port: args.port, tls }).catch((err: unknown) =>
    die(`${args.host}:${args.port}: ${reasonOf(err)}`),
  );
  // live-1: this instance's events go to the others through PostgreSQL; theirs come to this instance's streams.
  const relay = await startLiveRelay(args.database, store.pool, server.broadcast);
  const forward = (event: string, payload: unknown) =>
    void relay.publish(event, payload).catch((err: unknown) => console.error(`[live] not sent to other instances: ${reasonOf(err)}`));
  desk.services.events.on('desk-event', forward);

  // Exactly one line on stdout: launchers and tests parse it.
  process.stdout.write(`Desk server ready: ${server.url}\n`);
  // As the standalone desk does: staged uploads a committed row refers to are placed, files no row refers to removed.
  void runStartupChecks(desk);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopEscalation();
    desk.services.events.off('desk-event', forward);
    void Promise.all([server.close(), relay.close()]).finally(() => void desk.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
