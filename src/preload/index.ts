import { contextBridge, ipcRenderer } from 'electron';

/**
 * The whole surface the renderer gets: `invoke` and `subscribe`. Raw ipcRenderer never crosses the bridge,
 * and callbacks receive only the payload, never the IPC event (which would expose the sender).
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on('desk:event', (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const cb of listeners.get(name) ?? []) {
    try {
      cb(payload);
    } catch (err) {
      console.error(`[desk] listener for ${name} failed`, err);
    }
  }
});

const bridge = {
  invoke(channel: string, input: unknown, lang?: 'zh-CN' | 'en'): Promise<unknown> {
    return ipcRenderer.invoke('desk:invoke', String(channel), input, lang === 'en' || lang === 'zh-CN' ? lang : undefined);
  },
  subscribe(event: string, cb: (payload: unknown) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('subscribe needs a callback');
    const name = String(event);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    const own = (payload: unknown) => cb(payload);
    set.add(own);
    return () => {
      set.delete(own);
    };
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
