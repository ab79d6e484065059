import type { Handler, Handlers } from '../dispatch';
import { loadDemo } from '../demo/load';
import { emit } from '../services';

/**
 * The demo loader drives the whole handler map, which includes this handler: the map is handed in by whoever
 * builds it (handlers/index.ts), so neither module imports the other.
 */
export function demoHandlers(all: () => Handlers): { 'demo.load': Handler<'demo.load'> } {
  return {
    'demo.load': async (_input, ctx) => {
      const filings = await loadDemo(ctx.services, all(), ctx.lang);
      emit(ctx.services, 'inbox.changed', { units: [] });
      return { filings };
    },
  };
}
