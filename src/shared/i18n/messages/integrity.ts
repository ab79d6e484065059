import type { Messages } from './index';

/** Integrity and access (issue 13): the signed chain head, row hashes, data-folder lock, sessions, passwords. */
export const integrity: Messages = {
  'db.chain': [
    '审计链未通过校验（链头缺失、未签名或与日志不符）',
    'The audit chain failed verification (its signed head is missing, unsigned or does not match the log)',
  ],
  'admin.audit.problem.headMissing': ['缺少经签名的外部链头', 'the signed external head is missing'],
  'admin.audit.problem.headInvalid': ['外部链头签名无效', 'the external head is not validly signed'],
  'admin.settings.sessions.title': ['登录会话', 'Sign-in sessions'],
  'admin.settings.sessions.idleMinutes': ['无操作自动退出（分钟）', 'Sign out after inactivity (minutes)'],
  'admin.settings.sessions.absoluteHours': ['登录最长有效（小时）', 'Longest session (hours)'],
  'admin.audit.problem.rows': ['数据行与审计记录不符', 'data rows no longer match the audit log'],
};
