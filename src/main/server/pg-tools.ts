import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PostgreSQL's own client tools (pg_dump, pg_restore), found as scripts/pg-cluster.mjs finds initdb: $PG_BIN,
 * Debian's newest /usr/lib/postgresql/N/bin, pg_config's bindir, else the name alone (PATH). The newest first, because
 * pg_dump refuses a server newer than itself.
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore'): string {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) dirs.push(join(debian, v, 'bin'));
  const cfg = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (cfg.status === 0) dirs.push(cfg.stdout.trim());
  const dir = dirs.find((d) => existsSync(join(d, tool)));
  return dir ? join(dir, tool) : tool;
}

/**
 * The URL without its password, and the password for PGPASSWORD: a password on a command line is readable by every
 * user of the machine (ps), one in the child's environment is not.
 */
export function splitPassword(url: string): { url: string; env: Record<string, string> } {
  const u = new URL(url);
  if (!u.password) return { url, env: {} };
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { PGPASSWORD: password } };
}

/** Runs a PostgreSQL tool against `url`; resolves with its exit code and stderr (the tools speak on stderr). */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const { url: bare, env } = splitPassword(url);
  return new Promise((resolve) => {
    const child = spawn(findPgTool(tool), [...args, '--dbname', bare], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (err) => resolve({ code: 127, stderr: `${tool} could not be run: ${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
}
