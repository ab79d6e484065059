import type { Messages } from './index';

/**
 * The shared screen's keys and guards (issue 15 §11), the desk's answer to a page the role may not open, and the
 * dashboard's own export and print (§12).
 */
export const sessionScreen: Messages = {
  'mt.key.next': ['→ 下一项', '→ next'],
  'mt.key.previous': ['← 上一项', '← previous'],
  'mt.key.units': ['1–5 打开单位', '1–5 open a unit'],
  'mt.key.back': ['Esc 返回', 'Esc back'],
  'mt.notInvitedShort': ['未受邀，不能在会上记录', 'Not invited; cannot be recorded here'],
  'mt.pastDate': [
    '会议日期 {{date}} 早于今天。确实要登记一次已经召开的会议吗？',
    'The date {{date}} is before today. Do you mean to record a session that has already been held?',
  ],
  'mt.pastDateConfirm': ['确认，登记已召开的会议', 'Yes, record a session already held'],
  'dash.export.xlsx': ['导出数据（Excel）', 'Figures (Excel)'],
  'dash.export.csv': ['导出数据（CSV）', 'Figures (CSV)'],
  'dash.export.print': ['打印月报', 'Print monthly report'],
  'dash.printPeriod': ['监督看板月报 · 统计期 {{from}} 起，截至 {{today}}', 'Oversight monthly report · from {{from}} to {{today}}'],
  'shell.noPermission': ['您没有打开此页面的权限', 'You do not have permission to open this page'],
};
