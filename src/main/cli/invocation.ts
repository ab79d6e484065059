/**
 * How this program was started and how a person runs a maintenance command with it: `npm run desk -- …` from a
 * checkout, `npm start -- --…` for Electron in development, the installed executable's switches otherwise.
 * The Electron shell sets the invocation at start; everything else keeps the default (a checkout).
 */
export const MAINTENANCE_COMMANDS = ['verify-audit', 'verify-certificate', 'restore'] as const;
export type MaintenanceName = (typeof MAINTENANCE_COMMANDS)[number];

export type Maintenance = { command: MaintenanceName; dataDir: string | null; rest: string[] } | { error: string };

/**
 * The app's maintenance switches (an installed app has no `npm run desk`):
 *   --verify-audit | --verify-certificate <file-or-code> | --restore <backup.sqlite>, each with [--data-dir DIR].
 * `--name value` and `--name=value` both work. Anything else (the app path in development, Chromium's own switches)
 * is left alone. Answers null for an ordinary launch.
 */
export function parseMaintenance(argv: readonly string[]): Maintenance | null {
  let command: MaintenanceName | null = null;
  let dataDir: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitSwitch(argv[i]!);
    const name = flag.slice(2) as MaintenanceName;
    if (flag === '--data-dir' || (MAINTENANCE_COMMANDS.includes(name) && name !== 'verify-audit')) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
      if (flag === '--data-dir') dataDir = value;
      else {
        if (command) return { error: `only one of --${MAINTENANCE_COMMANDS.join(', --')} at a time` };
        command = name;
        rest.push(value);
      }
    } else if (name === 'verify-audit') {
      if (command) return { error: `only one of --${MAINTENANCE_COMMANDS.join(', --')} at a time` };
      command = name;
    }
  }
  return command ? { command, dataDir, rest } : null;
}

function splitSwitch(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) return [arg, undefined];
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** How this program is started, which decides the maintenance command a person can actually type. */
export type Invocation = { kind: 'npm' } | { kind: 'electron-dev' } | { kind: 'installed'; executable: string; platform: NodeJS.Platform };

function quote(arg: string, platform: NodeJS.Platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that runs a maintenance command against `dataDir` for this kind of installation, e.g. on the
 * damaged-database screen. A Windows GUI program writes to a console only through a pipe, hence `| more`.
 */
export function maintenanceCommandLine(inv: Invocation, command: MaintenanceName, args: string[], dataDir: string): string {
  const platform = inv.kind === 'installed' ? inv.platform : process.platform;
  const q = (a: string) => quote(a, platform);
  const tail = [...args.map(q), '--data-dir', q(dataDir)].join(' ');
  if (inv.kind === 'npm') return `npm run desk -- ${command} ${tail}`;
  if (inv.kind === 'electron-dev') return `npm start -- --${command} ${tail}`;
  const line = `${q(inv.executable)} --${command} ${tail}`;
  return inv.platform === 'win32' ? `${line} | more` : line;
}

let current: Invocation = { kind: 'npm' };

export function setInvocation(inv: Invocation): void {
  current = inv;
}

/** The restore command for the damaged-database screen, for this installation and this data folder. */
export function restoreCommandLine(backup: string, dataDir: string): string {
  return maintenanceCommandLine(current, 'restore', [backup], dataDir);
}
