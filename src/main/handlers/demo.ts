import type { Handler } from '../dispatch';
import { loadDemo } from '../demo/load';
import { emit } from '../services';

const load: Handler<'demo.load'> = async (_input, ctx) => {
  // Imported lazily: the handler map includes this handler, and the loader drives the map.
  const { handlers } = await import('./index');
  const filings = await loadDemo(ctx.services, handlers, ctx.lang);
  emit(ctx.services, 'inbox.changed', { units: [] });
  return { filings };
};

export const demoHandlers = { 'demo.load': load };
