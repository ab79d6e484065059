import { screen, type BrowserWindow } from 'electron';

/** `…#/meetings/12/audience`: the joint session's audience view. */
export const isAudienceUrl = (url: string): boolean => /#\/meetings\/\d+\/audience$/.test(url);

/**
 * Puts a joint session's audience window on the second display, full screen, when one is connected; otherwise it
 * stays an ordinary window beside the host's. The display the host's window is on counts as the first.
 */
export function placeAudienceWindow(win: BrowserWindow, url: string, opener?: BrowserWindow | null): BrowserWindow {
  if (!isAudienceUrl(url)) return win;
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return win;
  const hostDisplay = opener ? screen.getDisplayMatching(opener.getBounds()) : screen.getPrimaryDisplay();
  const target = displays.find((d) => d.id !== hostDisplay.id) ?? displays[1]!;
  win.setBounds(target.bounds);
  win.once('ready-to-show', () => {
    win.setBounds(target.bounds);
    win.setFullScreen(true);
  });
  return win;
}
