import { isIP } from 'node:net';
import { join } from 'node:path';
import { defaultDataDir } from '../paths';

export const SERVER_USAGE =
  'usage: server --database <postgres-url> --listen <host:port> [--data-dir DIR] ' +
  '[--tls-cert FILE --tls-key FILE | --insecure-loopback] [--demo]';

export interface ServerArgs {
  database: string;
  host: string;
  port: number;
  /**
   * The server's folder for what is not in PostgreSQL: the signing key, the anchored chain head, attachments. Every
   * instance of one district points at the same (shared) folder; see README "The district server".
   */
  dataDir: string;
  tls: { cert: string; key: string } | null;
  demo: boolean;
}

/** Loopback only: plain HTTP never leaves the machine (session cookies and passwords would travel in the clear). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port > 65535) throw new Error(`--listen must be host:port (got ${value})`);
  return { host: m[1] ?? m[2]!, port };
}

/** Parses and checks the command line; every refusal is one line naming the option. */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  let database: string | null = null;
  let listen: { host: string; port: number } | null = null;
  let dataDir = join(defaultDataDir(), 'server');
  let cert: string | null = null;
  let key: string | null = null;
  let insecure = false;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--database') database = value();
    else if (a === '--listen') listen = parseListen(value());
    else if (a === '--data-dir') dataDir = value();
    else if (a === '--tls-cert') cert = value();
    else if (a === '--tls-key') key = value();
    else if (a === '--insecure-loopback') insecure = true;
    else if (a === '--demo') demo = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!database) throw new Error('--database <postgres-url> is required');
  if (!/^postgres(ql)?:\/\//.test(database)) throw new Error('--database must be a postgres:// URL');
  if (!listen) throw new Error('--listen <host:port> is required');
  if (insecure && (cert || key)) throw new Error('--insecure-loopback and --tls-cert/--tls-key exclude each other');
  if (insecure && !isLoopback(listen.host))
    throw new Error(`--insecure-loopback is allowed only on a loopback address (127.0.0.1, ::1, localhost), not ${listen.host}`);
  if (!insecure && (!cert || !key)) throw new Error('HTTPS needs --tls-cert FILE and --tls-key FILE (or --insecure-loopback on 127.0.0.1)');
  return { database, ...listen, dataDir, tls: cert && key ? { cert, key } : null, demo };
}
