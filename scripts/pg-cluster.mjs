#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the tests: a temp folder, its own port on 127.0.0.1, UTF-8 with a UTF-8 ctype
// (pg_trgm finds no trigrams in Chinese text under a C ctype), stopped and removed at the end.
//
//   node scripts/pg-cluster.mjs run -- <command…>   runs the command with DESK_PG_URL set, then stops the cluster
//   node scripts/pg-cluster.mjs e2e [playwright args]  the browser E2E suite, its district-server specs in a cluster
//   node scripts/pg-cluster.mjs check               prints where the PostgreSQL binaries are, or why there are none
//   node scripts/pg-cluster.mjs suite [vitest args]  the integration suite on PostgreSQL (vitest.pg.config.mts) in a
//                                                   cluster; without PostgreSQL it says so in one line and skips,
//                                                   unless DESK_REQUIRE_POSTGRES=1 (CI), where that is a failure
//
// initdb refuses to run as root: as root the folder is handed to the postgres user and every server binary runs
// through `runuser -u postgres`. As any other user the binaries run as that user.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folder holding initdb and pg_ctl: $PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or pg_config's. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, v, 'bin'));
  const cfg = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (cfg.status === 0) candidates.push(cfg.stdout.trim());
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function runPg(bin, tool, args) {
  const cmd = asRoot ? 'runuser' : join(bin, tool);
  const full = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts a cluster and returns its URL (superuser `postgres`, database `postgres`, trust auth on loopback only) and a
 * stop function. Durability is switched off: the cluster lives for one test run and is deleted after it.
 */
export async function startCluster(bin = findPgBin()) {
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'));
  const data = join(dir, 'data');
  if (asRoot) chownSync(dir, Number(runUid('postgres')), Number(runGid('postgres')));
  runPg(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Durability off in the configuration file, not on the command line: a command-line setting outranks ALTER
  // SYSTEM, and the server benchmark switches durability back on for its timings (bench/server-setup.ts).
  appendFileSync(join(data, 'postgresql.conf'), '\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n');
  const port = await freePort();
  const options = ['-c listen_addresses=127.0.0.1', `-p ${port}`, `-k ${dir}`, '-c max_connections=200'].join(' ');
  runPg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, stop };
}

function runUid(user) {
  return spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim();
}
function runGid(user) {
  return spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim();
}

async function main() {
  const [verb, ...rest] = process.argv.slice(2);
  const bin = findPgBin();
  if (verb === 'check') {
    console.log(bin ? `PostgreSQL binaries: ${bin}` : 'PostgreSQL is not installed here (no initdb/pg_ctl found)');
    process.exit(bin ? 0 : 1);
  }
  let command = rest.slice(1);
  if (verb === 'suite') {
    if (!bin) {
      const required = process.env.DESK_REQUIRE_POSTGRES === '1';
      console.log(
        `PostgreSQL is not installed here (no initdb/pg_ctl found): the integration suite on PostgreSQL is ${required ? 'required (DESK_REQUIRE_POSTGRES=1) and fails' : 'skipped; install postgresql to run it'}`,
      );
      process.exit(required ? 1 : 0);
    }
    command = ['npx', 'vitest', 'run', '-c', 'vitest.pg.config.mts', ...rest];
  } else if (verb === 'e2e') {
    // The browser E2E suite; with PostgreSQL its district-server specs (live-1) run in a cluster of their own,
    // without it they skip, each saying why (a failure under DESK_REQUIRE_POSTGRES=1, as for the suite above).
    command = ['npx', 'playwright', 'test', '-c', 'test/e2e/playwright.config.ts', ...rest];
    if (!bin) {
      const required = process.env.DESK_REQUIRE_POSTGRES === '1';
      console.log(`PostgreSQL is not installed here: the district-server E2E specs are ${required ? 'required and fail' : 'skipped'}`);
      if (required) process.exit(1);
      const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
      child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
      return;
    }
  } else if (verb !== 'run' || rest[0] !== '--' || rest.length < 2) {
    console.error('usage: pg-cluster.mjs run -- <command…> | suite [vitest args] | e2e [playwright args] | check');
    process.exit(2);
  }
  const cluster = await startCluster(bin);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (cluster.stop(), process.exit(130)));
  console.log(`PostgreSQL cluster for this run: ${cluster.url}`);
  const [cmd, ...args] = command;
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, DESK_PG_URL: cluster.url } });
  child.on('exit', (code, signal) => {
    cluster.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
