import type { Handler } from '../dispatch';
import { write } from '../services';
import { loadSettings, saveSettings } from '../db/settings';

const get: Handler<'settings.get'> = (_input, ctx) => loadSettings(ctx.services.store.db);

const update: Handler<'settings.update'> = async (input, ctx) => {
  await write(ctx, async ({ trx, audit }) => {
    const before = await loadSettings(trx);
    await saveSettings(trx, input, ctx.now.toISOString());
    await audit({ action: 'settings.update', target: 'settings', before, after: input });
  });
  return loadSettings(ctx.services.store.db);
};

export const settingsHandlers = { 'settings.get': get, 'settings.update': update };
