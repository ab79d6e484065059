import { resolve } from 'node:path';
import { defaultDataDir } from '../paths';
import { verifyAudit, type CommandOutput } from './verify-audit';
import { verifyCertificate } from './verify-certificate';
import { restore } from './restore';
import { reanchor } from './reanchor';
import { moveToServer, MOVE_USAGE } from './move-to-server';
import { takeDatabase, verifyServerAudit, verifyServerCertificate } from './pg-verify';
import { serverBackup } from './server-backup';
import { serverRestore } from './server-restore';
import { serverReanchor } from './server-reanchor';

interface Command {
  usage: string;
  run(args: { dataDir: string; rest: string[] }): CommandOutput | Promise<CommandOutput>;
}

/** Maintenance commands: `npm run desk -- <name>` from a checkout, `--<name>` switches of the installed app. */
export const commands: Record<string, Command> = {
  'verify-audit': {
    usage:
      "verify-audit [--data-dir DIR] [--database URL]   check the audit chain and its external head (--database: the district server's, --data-dir its folder)",
    run: ({ dataDir, rest }) => {
      const { database } = takeDatabase(rest);
      return database === null ? verifyAudit(dataDir) : verifyServerAudit(database, dataDir);
    },
  },
  'verify-certificate': {
    usage:
      'verify-certificate <file-or-code> [number] [--data-dir DIR] [--database URL]   verify a certificate (PDF, decoded 2-D code text, or verification code with the certificate number)',
    run: ({ dataDir, rest }) => {
      const d = takeDatabase(rest);
      return d.database === null ? verifyCertificate(dataDir, rest) : verifyServerCertificate(d.database, dataDir, d.rest);
    },
  },
  restore: {
    usage: 'restore <backup.sqlite> [--data-dir DIR]   offline restore; the damaged file is kept aside',
    run: ({ dataDir, rest }) => restore(dataDir, rest),
  },
  'move-to-server': {
    usage: `${MOVE_USAGE}   copy this desk into an empty district-server database (README "Moving a desk onto the server")`,
    run: ({ dataDir, rest }) => moveToServer(dataDir, rest),
  },
  reanchor: {
    usage: 'reanchor "<administrator>" --confirm [--data-dir DIR]   sign a new chain head after the old one was lost (audited)',
    run: ({ dataDir, rest }) => reanchor(dataDir, rest),
  },
  // The district server (issue 16): its backup, restore and re-anchoring, on PostgreSQL plus its data folder.
  'server-backup': {
    usage: 'server-backup --database <url> --data-dir DIR --out FOLDER   pg_dump plus the key, chain head and attachments',
    run: ({ dataDir, rest }) => serverBackup(dataDir, rest),
  },
  'server-restore': {
    usage: 'server-restore --from FOLDER --database <empty-db-url> --data-dir DIR   pg_restore and the files back (checked)',
    run: ({ dataDir, rest }) => serverRestore(dataDir, rest),
  },
  'server-reanchor': {
    usage: 'server-reanchor "<administrator>" --confirm --database <url> --data-dir DIR   sign the server chain as it stands (audited)',
    run: ({ dataDir, rest }) => serverReanchor(dataDir, rest),
  },
};

export function parseCommon(argv: readonly string[]): { dataDir: string; rest: string[] } {
  let dataDir = defaultDataDir();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') {
      const v = argv[++i];
      if (!v) throw new Error('--data-dir needs a value');
      dataDir = v;
    } else rest.push(argv[i]!);
  }
  return { dataDir: resolve(dataDir), rest };
}
