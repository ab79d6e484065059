import type { Messages } from './index';

/** Integrity and access (issue 13): the signed chain head, row hashes, data-folder lock, sessions, passwords. */
export const integrity: Messages = {
  'db.chain': [
    '审计链未通过校验（链头缺失、未签名或与日志不符）',
    'The audit chain failed verification (its signed head is missing, unsigned or does not match the log)',
  ],
  'v.password.blank': ['密码不能只由空格组成', 'A password cannot be only spaces'],
  'v.password.username': ['密码不能与用户名相同', 'The password cannot be the username'],
  'v.password.weak': [
    '密码太容易被猜到（常见密码、重复字符或键盘顺序），请换一个更长、更不规则的密码',
    'This password is too easy to guess (a common password, repeats or a keyboard pattern); choose a longer, less predictable one',
  ],
  'db.folderBusy': [
    '数据目录正被其他程序使用（正在恢复，或另一版本的桌面正在运行）',
    'The data folder is in use (a restore is running, or a desk of another version is open on it)',
  ],
  'db.noBackupHint': [
    '没有可用的备份。请勿删除或改动损坏的文件：关闭本桌面，将整个数据目录 {{dir}} 复制到安全位置，并联系技术支持。若需先恢复办公，可用 --data-dir 指定一个新的空目录启动桌面，重新建立账户。',
    'There is no backup. Do not delete or edit the damaged file: close the desk, copy the whole data folder {{dir}} somewhere safe and contact support. To keep working meanwhile, start the desk with --data-dir on a new, empty folder and set up accounts again.',
  ],
  'db.reanchorHint': [
    '若已核实日志内容无误、仅是链头文件丢失，管理员可在关闭桌面后重新锚定（此操作会写入审计日志，并打印新旧链头）：',
    'If the log has been checked and only the head file was lost, an administrator can re-anchor with the desk closed (this is recorded in the audit log and prints the old and new heads):',
  ],
  'admin.audit.problem.headMissing': ['缺少经签名的外部链头', 'the signed external head is missing'],
  'admin.audit.problem.headInvalid': ['外部链头签名无效', 'the external head is not validly signed'],
  'admin.settings.sessions.title': ['登录会话', 'Sign-in sessions'],
  'admin.settings.sessions.idleMinutes': ['无操作自动退出（分钟）', 'Sign out after inactivity (minutes)'],
  'admin.settings.sessions.absoluteHours': ['登录最长有效（小时）', 'Longest session (hours)'],
  'admin.audit.problem.rows': ['数据行与审计记录不符', 'data rows no longer match the audit log'],
  'host.busy': ['桌面正在接收其他大文件，请稍后再试。', 'The desk is receiving other large files. Try again in a moment.'],
  'shell.changePassword': ['修改密码', 'Change password'],
  'shell.currentPassword': ['当前密码', 'Current password'],
  'shell.passwordChanged': ['密码已修改，其他已登录的会话均已退出。', 'Password changed; your other sessions have been signed out.'],
};
