import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import type { Services } from '../services';
import { secureWebPreferences } from './security';

export interface Windows {
  open(url: string, opener?: WebContents): BrowserWindow;
  /** The session key for a window: `wc:<id>`, shared by an audience window with the window that opened it. */
  connectionOf(contents: WebContents): string;
  /** What each window was created with, for the Electron security test. */
  applied: ReadonlyMap<number, WebPreferences>;
}

export function createWindows(preload: string, services: Services, title: string): Windows {
  const connections = new Map<number, string>();
  const applied = new Map<number, WebPreferences>();
  const connectionOf = (contents: WebContents) => connections.get(contents.id) ?? `wc:${contents.id}`;

  const open = (url: string, opener?: WebContents): BrowserWindow => {
    const webPreferences = secureWebPreferences(preload);
    const win = new BrowserWindow({
      width: opener ? 1280 : 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 680,
      title,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences,
    });
    const id = win.webContents.id;
    const connection = opener ? connectionOf(opener) : `wc:${id}`;
    connections.set(id, connection);
    applied.set(id, webPreferences);
    win.once('ready-to-show', () => win.show());
    win.webContents.once('destroyed', () => {
      connections.delete(id);
      applied.delete(id);
      // The last window of a connection takes its signed-in session with it.
      if (![...connections.values()].includes(connection)) services.sessions.delete(connection);
    });
    void win.loadURL(url);
    return win;
  };

  return { open, connectionOf, applied };
}
