import type { Messages } from './index';

/** Typed quantities and dates, units in labels, and the names and titles that keyboard and screen-reader users rely on. */
export const access: Messages = {
  'v.quantity.separator': ['请不要使用千位分隔符或空格，例如输入 1000', 'Do not use thousands separators or spaces; type 1000'],
  'v.quantity.exponent': ['请直接写出数字，不要使用科学计数法（如 1e3）', 'Write the number out; no exponent form such as 1e3'],
  'v.quantity.negative': ['不能为负数', 'Cannot be negative'],
  'v.quantity.format': ['只能输入数字和一个小数点，例如 12.5', 'Only digits and one decimal point, e.g. 12.5'],
  'v.quantity.precision': ['有效数字不能超过 15 位', 'At most 15 significant digits'],
  'v.quantity.tooBig': ['数值过大（不能超过 10 亿）', 'Too large (at most 1,000,000,000)'],
  'v.date.format': ['日期格式应为 YYYY-MM-DD，也可输入 2027/1/15 或 20270115', 'Use YYYY-MM-DD; 2027/1/15 and 20270115 are also accepted'],
  'v.date.calendar': ['没有这一天，请检查年月日', 'That day does not exist; check the year, month and day'],
  'date.openCalendar': ['打开日历：{{label}}', 'Open calendar: {{label}}'],
  'date.monthFormat': ['YYYY年M月', 'MMMM YYYY'],
  'date.next': ['下一个', 'Next'],
  'date.previous': ['上一个', 'Previous'],
  'a11y.skip': ['跳到主要内容', 'Skip to main content'],
  'a11y.menu': ['菜单', 'Menu'],
  'a11y.close': ['关闭', 'Close'],
  'due.overdue': ['已逾期', 'Overdue'],
  'due.warn': ['即将到期', 'Due soon'],
  'ff.unitLabel': ['{{label}}（{{unit}}）', '{{label}} ({{unit}})'],
};
