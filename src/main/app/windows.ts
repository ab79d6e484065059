import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import type { Services } from '../services';
import { secureWebPreferences } from './security';
import { audienceMeetingId } from './rules/audience';

export interface Windows {
  open(url: string, opener?: WebContents): BrowserWindow;
  /** The desk's own window (the first one opened without an opener), if it is still open. */
  main(): BrowserWindow | null;
  /** The open audience window of a meeting, if any: a meeting has at most one. */
  audience(meetingId: number): BrowserWindow | null;
  /** The session key for a window: `wc:<id>`, shared by an audience window with the window that opened it. */
  connectionOf(contents: WebContents): string;
  /** What each window was created with, for the Electron security test. */
  applied: ReadonlyMap<number, WebPreferences>;
}

// A renderer that keeps dying is not reloaded forever: after this many crashes in a minute the window stays as is.
const MAX_RELOADS_PER_MINUTE = 3;

/** A crashed or killed renderer is logged and reloaded instead of leaving a white window. */
function reloadWhenGone(win: BrowserWindow, url: string): void {
  const recent: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window ${win.id}] renderer gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    while (recent.length && now - recent[0]! > 60_000) recent.shift();
    if (recent.length >= MAX_RELOADS_PER_MINUTE) return;
    recent.push(now);
    void win.loadURL(url);
  });
}

export function createWindows(preload: string, services: Pick<Services, 'sessions'>, title: string): Windows {
  const connections = new Map<number, string>();
  const applied = new Map<number, WebPreferences>();
  const audiences = new Map<number, BrowserWindow>();
  let mainWindow: BrowserWindow | null = null;
  const connectionOf = (contents: WebContents) => connections.get(contents.id) ?? `wc:${contents.id}`;

  const open = (url: string, opener?: WebContents): BrowserWindow => {
    const meeting = audienceMeetingId(url);
    const existing = meeting === null ? null : audiences.get(meeting);
    if (existing && !existing.isDestroyed()) {
      existing.focus();
      return existing;
    }
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
    if (!opener && !mainWindow) mainWindow = win;
    if (meeting !== null) audiences.set(meeting, win);
    win.once('ready-to-show', () => win.show());
    reloadWhenGone(win, url);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      if (meeting !== null && audiences.get(meeting) === win) audiences.delete(meeting);
    });
    win.webContents.once('destroyed', () => {
      connections.delete(id);
      applied.delete(id);
      // The last window of a connection takes its signed-in session with it.
      if (![...connections.values()].includes(connection)) services.sessions.delete(connection);
    });
    void win.loadURL(url);
    return win;
  };

  const live = (win: BrowserWindow | null | undefined) => (win && !win.isDestroyed() ? win : null);
  return { open, main: () => live(mainWindow), audience: (m) => live(audiences.get(m)), connectionOf, applied };
}
