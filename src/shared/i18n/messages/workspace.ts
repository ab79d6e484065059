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
  'fu.export.progress': ['已导出 {{written}} / {{total}} 行（{{percent}}%）', '{{written}} of {{total}} rows exported ({{percent}}%)'],
  'fu.export.progressLabel': ['导出进度', 'Export progress'],
  'v.check.unknownPaper': ['没有代码为“{{code}}”的材料类型', 'There is no material type with the code "{{code}}"'],
  'v.check.duplicatePaper': ['材料“{{code}}”重复列出', 'The paper "{{code}}" is listed twice'],
  'admin.settings.checklists.papers': ['对应材料', 'Papers it answers'],
  'admin.settings.checklists.papersOf': ['第 {{n}} 项对应的材料', 'Papers item {{n}} answers'],
  'rv.desk.closePaper': ['关闭材料预览：{{name}}', 'Close the paper: {{name}}'],
  'export.cancelled': ['导出已取消，未生成文件', 'The export was cancelled; no file was made'],
  'export.runTaken': ['该导出编号已在使用', 'That export run id is already in use'],
};
