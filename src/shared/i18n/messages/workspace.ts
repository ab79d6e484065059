import type { Messages } from './index';

/** The reviewer's workspace: facts and papers beside the checklist, retrying a failed list, a cancellable export. */
export const workspace: Messages = {
  'rv.retry': ['重试', 'Try again'],
  'rv.desk.facts': ['{{unit}}审查的登记事项', 'Record facts reviewed by {{unit}}'],
  'rv.desk.papers': ['本单位审查的材料', 'Papers your unit checks'],
  'rv.desk.no': ['否', 'No'],
  'rv.desk.open': ['查看', 'View'],
  'rv.desk.openPaper': ['在旁查看：{{name}}', 'View beside the checklist: {{name}}'],
  'list.loadFailed': ['列表未能载入：{{message}}', 'The list could not be loaded: {{message}}'],
  'fu.export.running': ['正在导出…', 'Exporting…'],
  'fu.export.cancel': ['取消导出', 'Cancel the export'],
  'fu.export.cancelled': ['已取消导出', 'Export cancelled'],
};
