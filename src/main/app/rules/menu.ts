// Menu labels are few and fixed; they follow the system language because the menu exists before any login.
// Every label is given explicitly: Electron's role defaults are English whatever the system language.
const LABELS = {
  desk: ['联审桌面', 'Desk'],
  print: ['打印…', 'Print…'],
  reload: ['重新加载', 'Reload'],
  connection: ['连接方式…', 'Connection…'],
  devtools: ['开发者工具', 'Developer tools'],
  quit: ['退出', 'Quit'],
  view: ['视图', 'View'],
  fullscreen: ['全屏', 'Full screen'],
  edit: ['编辑', 'Edit'],
  undo: ['撤销', 'Undo'],
  redo: ['重做', 'Redo'],
  cut: ['剪切', 'Cut'],
  copy: ['复制', 'Copy'],
  paste: ['粘贴', 'Paste'],
  selectAll: ['全选', 'Select all'],
} as const;
export type MenuLabel = keyof typeof LABELS;

export function menuLabel(key: MenuLabel, lang: 'zh-CN' | 'en'): string {
  return LABELS[key][lang === 'en' ? 1 : 0];
}
