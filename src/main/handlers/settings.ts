import type { Handler } from '../dispatch';
import { write } from '../services';
import { loadSettings, saveSettings } from '../db/settings';
import { DeskError } from '../../shared/result';
import { checklistPaperProblems } from '../../shared/domain/checklist';

// A copy: the loaded settings are shared and frozen, and in-process callers (tests, the demo) may edit what they get.
const get: Handler<'settings.get'> = async (_input, ctx) => structuredClone(await loadSettings(ctx.services.store.db));

const update: Handler<'settings.update'> = async (input, ctx) => {
  // A checklist item may name only papers the desk has (the same rule the settings editor shows).
  const papers = checklistPaperProblems(input);
  if (papers.length)
    throw new DeskError('INVALID', 'err.INVALID', {}, Object.fromEntries(papers.map((p) => [p.path, { key: p.key, params: p.params }])));
  await write(ctx, async ({ trx, audit }) => {
    const before = await loadSettings(trx);
    await saveSettings(trx, input, ctx.now.toISOString());
    await audit({ action: 'settings.update', target: 'settings', before, after: input });
  });
  return structuredClone(await loadSettings(ctx.services.store.db));
};

export const settingsHandlers = { 'settings.get': get, 'settings.update': update };
