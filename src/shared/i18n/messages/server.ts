import type { Messages } from './index';

/** The district server (issue 16): its transport's refusals and its start-up errors. */
export const server: Messages = {
  'server.badOrigin': [
    '请求来源不是本服务器的页面，已拒绝。请直接从服务器地址打开联审平台。',
    'The request did not come from this server’s own pages and was refused. Open the desk at the server’s address.',
  ],
  'server.unreachable': ['无法连接 PostgreSQL 数据库 {{url}}：{{reason}}', 'PostgreSQL at {{url}} cannot be reached: {{reason}}'],
  'server.newerSchema': [
    '数据库 {{url}} 的结构版本比本服务器新（{{detail}}），请先升级服务器程序。',
    'The database at {{url}} has a newer schema than this server knows ({{detail}}); upgrade the server first.',
  ],
  'server.tlsFile': ['无法读取 TLS {{what}}文件 {{path}}：{{reason}}', 'The TLS {{what}} file {{path}} cannot be read: {{reason}}'],
  'server.tlsCert': ['证书', 'certificate'],
  'server.tlsKey': ['私钥', 'key'],
  'server.demoSkipped': [
    '数据库中已有账户，未加载演示数据（--demo 只用于空数据库）。',
    'The database already holds accounts; the demo data was not loaded (--demo is for an empty database only).',
  ],
  'server.chain': [
    '数据库中的审计链与签名链头不符（{{detail}}），服务器拒绝启动。请恢复与链头相符的备份；若确认现有记录无误（例如有意恢复了较早的备份），由管理员重新签署链头：npm run desk -- server-reanchor "<管理员姓名>" --confirm --database <url> --data-dir <数据目录>',
    'The audit chain in the database does not match its signed head ({{detail}}); the server will not start. Restore a backup that matches its head, or, if this record is the one to keep (an older backup restored on purpose), an administrator re-anchors it: npm run desk -- server-reanchor "<administrator>" --confirm --database <url> --data-dir <data folder>',
  ],
};
