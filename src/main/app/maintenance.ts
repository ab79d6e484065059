import { app } from 'electron';
import { commands } from '../cli/commands';
import type { Maintenance } from '../cli/invocation';

/**
 * Runs one maintenance switch of the installed app (--verify-audit, --verify-certificate, --restore) and answers its
 * exit code; no window opens. A restore needs the desk closed: the single-instance lock is scoped to the data folder
 * (userData), so holding it proves no desk runs on this folder from this computer.
 */
export async function runMaintenance(m: Maintenance, dataDir: string): Promise<number> {
  if ('error' in m) {
    console.error(m.error);
    return 2;
  }
  if (m.command === 'restore' && !app.requestSingleInstanceLock()) {
    console.error(`refused: the desk is running on ${dataDir}; close it first`);
    return 1;
  }
  const out = await commands[m.command]!.run({ dataDir, rest: m.rest });
  for (const line of out.lines) (out.code <= 1 ? console.log : console.error)(line);
  return out.code;
}
