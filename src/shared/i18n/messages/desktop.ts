import type { Messages } from '.';

/** Files inside the desktop app and in browser mode: saving, opening, and what went wrong. */
export const desktop: Messages = {
  'desk.download.title': ['保存文件', 'Save file'],
  'desk.download.failed': ['文件未能保存（下载中断或无权读取）。', 'The file was not saved (the download was interrupted or refused).'],
  'desk.download.cancelled': ['已取消保存，文件未写入。', 'Saving was cancelled; no file was written.'],
  'desk.download.saved': ['已保存到 {{path}}', 'Saved to {{path}}'],
};
