import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { pickLang } from '../../shared/i18n';

// Menu labels are few and fixed; they follow the system language because the menu exists before any login.
const LABELS = {
  desk: ['联审桌面', 'Desk'],
  print: ['打印…', 'Print…'],
  reload: ['重新加载', 'Reload'],
  devtools: ['开发者工具', 'Developer tools'],
  quit: ['退出', 'Quit'],
  edit: ['编辑', 'Edit'],
} as const;

/** Print, reload, edit shortcuts and quit; developer tools only outside a packaged build. */
export function installMenu(): void {
  const i = pickLang(app.getPreferredSystemLanguages()) === 'en' ? 1 : 0;
  const label = (k: keyof typeof LABELS) => LABELS[k][i];
  const deskMenu: MenuItemConstructorOptions[] = [
    {
      label: label('print'),
      accelerator: 'CmdOrCtrl+P',
      click: (_item, win) => {
        if (win instanceof BrowserWindow) win.webContents.print({ printBackground: true });
      },
    },
    { label: label('reload'), accelerator: 'CmdOrCtrl+R', role: 'reload' },
  ];
  if (!app.isPackaged) deskMenu.push({ label: label('devtools'), role: 'toggleDevTools' });
  deskMenu.push({ type: 'separator' }, { label: label('quit'), role: 'quit' });
  const template: MenuItemConstructorOptions[] = [
    { label: label('desk'), submenu: deskMenu },
    {
      label: label('edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
