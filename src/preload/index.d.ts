import type { Lang } from '../shared/i18n';
import type { Result } from '../shared/result';

/** What src/preload/index.ts exposes as `window.desk` inside Electron; absent in browser mode. */
export interface DeskBridge {
  /** Runs one contract channel through the main process dispatch; `lang` picks the language of messages. */
  invoke(channel: string, input: unknown, lang?: Lang): Promise<Result<unknown>>;
  /** Listens for one desk event (see DeskEvents); returns the unsubscribe function. */
  subscribe(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}
