import { screen, type BrowserWindow } from 'electron';
import { audienceMeetingId, pickAudienceDisplay } from './rules/audience';

/**
 * Puts a joint session's audience window on the external display (the projector), full screen, when one is
 * connected; otherwise it stays an ordinary window beside the host's, and the menu's full-screen item or the page's
 * own button (requestFullscreen, allowed for the app's origin) takes it full screen.
 */
export function placeAudienceWindow(win: BrowserWindow, url: string, opener?: BrowserWindow | null): BrowserWindow {
  if (audienceMeetingId(url) === null) return win;
  const hostDisplay = opener && !opener.isDestroyed() ? screen.getDisplayMatching(opener.getBounds()) : screen.getPrimaryDisplay();
  const target = pickAudienceDisplay(screen.getAllDisplays(), hostDisplay.id);
  if (!target || win.isFullScreen()) return win;
  win.setBounds(target.bounds);
  const fill = () => {
    win.setBounds(target.bounds);
    win.setFullScreen(true);
  };
  if (win.isVisible()) fill();
  else win.once('ready-to-show', fill);
  return win;
}
