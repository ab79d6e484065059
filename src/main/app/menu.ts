import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { pickLang } from '../../shared/i18n';
import { menuLabel, type MenuLabel } from './rules/menu';

/** Print, reload, full screen (for the audience window), edit shortcuts and quit; developer tools only unpackaged. */
export function installMenu(): void {
  const lang = pickLang(app.getPreferredSystemLanguages());
  const label = (k: MenuLabel) => menuLabel(k, lang);
  const deskMenu: MenuItemConstructorOptions[] = [
    {
      label: label('print'),
      accelerator: 'CmdOrCtrl+P',
      click: (_item, win) => {
        if (win instanceof BrowserWindow) win.webContents.print({ printBackground: true });
      },
    },
    { label: label('reload'), accelerator: 'CmdOrCtrl+R', role: 'reload' },
    {
      // Standalone or the district server (issue 16, item 7): the window's connection screen, over what it shows.
      label: label('connection'),
      click: (_item, win) => {
        if (win instanceof BrowserWindow) win.webContents.send('desk:event', 'connection.setup', {});
      },
    },
  ];
  if (!app.isPackaged) deskMenu.push({ label: label('devtools'), role: 'toggleDevTools' });
  deskMenu.push({ type: 'separator' }, { label: label('quit'), role: 'quit' });
  const template: MenuItemConstructorOptions[] = [
    { label: label('desk'), submenu: deskMenu },
    {
      label: label('edit'),
      submenu: [
        { label: label('undo'), role: 'undo' },
        { label: label('redo'), role: 'redo' },
        { type: 'separator' },
        { label: label('cut'), role: 'cut' },
        { label: label('copy'), role: 'copy' },
        { label: label('paste'), role: 'paste' },
        { label: label('selectAll'), role: 'selectAll' },
      ],
    },
    // F11 everywhere (Windows and Linux users expect it); the role also works on macOS.
    { label: label('view'), submenu: [{ label: label('fullscreen'), role: 'togglefullscreen', accelerator: 'F11' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
