import { app } from 'electron';
import type { ConnectionSetup } from '../remote/setup';
import type { Backend } from './backend';
import type { ShellChannels } from './ipc';

/**
 * The renderer's connection screen (first run, settings, a changed certificate) reaches the main process through the
 * bridge's `invoke`, as the other shell requests do. Switching between standalone and connected restarts the app:
 * one process serves one backend from start to end, so nothing of one mode lingers in the other.
 */
export function connectionChannels(setup: ConnectionSetup, backend: Backend): ShellChannels {
  return {
    'shell.connection.state': async () => {
      if (backend.running === 'server') await backend.check();
      return { ok: true, value: setup.state() };
    },
    'shell.connection.probe': (_sender, input, lang) => setup.probe(input, lang),
    'shell.connection.choose': async (_sender, input, lang) => {
      const result = await setup.choose(input, lang);
      if (result.ok && result.value.restart) {
        // After the answer has reached the window, so it can say it is restarting.
        setTimeout(() => {
          app.relaunch();
          app.quit();
        }, 500);
      }
      return result;
    },
  };
}
