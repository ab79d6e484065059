import { openStore } from './db/store';
import { createServices, type Services } from './services';
import { createDispatch, type Dispatch } from './dispatch';
import { fileRoutes, handlers } from './handlers';
import { createFileServer, type FileServer } from './host/files';
import { runEscalationSweep } from './followup/escalation';
import { restoreCommandLine } from './cli/invocation';

export interface Desk {
  services: Services;
  dispatch: Dispatch;
  /** Serves generated and stored files, behind each route's declared access. */
  files: FileServer;
  close(): void;
}

/** Opens the store in `dataDir` and wires the one dispatch and the file server every transport uses. */
export function createDesk(dataDir: string, opts: Parameters<typeof createServices>[1] = {}): Desk {
  const store = openStore(dataDir, { restoreCommand: restoreCommandLine });
  const services = createServices(store, opts);
  return {
    services,
    dispatch: createDispatch(services, handlers),
    files: createFileServer(services, fileRoutes),
    close: () => store.close(),
  };
}

/**
 * Escalation runs once at start (so a desk that was closed for a week catches up before anyone acts) and then
 * every hour. Returns a function that stops the timer.
 */
export async function startEscalation(desk: Desk, everyMs = 3_600_000): Promise<() => void> {
  const run = () =>
    runEscalationSweep(desk.services).catch((err: unknown) => {
      console.error('[escalation] sweep failed:', err);
    });
  await run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
