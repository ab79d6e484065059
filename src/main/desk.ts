import { openStore } from './db/store';
import { createServices, type Services } from './services';
import { createDispatch, type Dispatch } from './dispatch';
import { handlers } from './handlers';

export interface Desk {
  services: Services;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the store in `dataDir` and wires the one dispatch every transport uses. */
export function createDesk(dataDir: string, opts: Parameters<typeof createServices>[1] = {}): Desk {
  const store = openStore(dataDir);
  const services = createServices(store, opts);
  return { services, dispatch: createDispatch(services, handlers), close: () => store.close() };
}
