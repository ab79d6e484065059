import type { Messages } from './index';

/** Moving a standalone desk onto the district server (issue 16, item 5): the command's one-line answers. */
export const move: Messages = {
  'move.done': [
    '已迁移到 {{url}}：{{tables}} 张表共 {{rows}} 行，附件 {{attachments}} 个；审计链原样复制。',
    'Moved to {{url}}: {{rows}} rows in {{tables}} tables, {{attachments}} attachment files; the audit chain is copied as it was.',
  ],
  'move.notEmpty': [
    '数据库 {{url}} 不是空的（已有账户、案卷或审计记录），未复制任何内容。请使用新建的空数据库。',
    'The database at {{url}} is not empty (it holds accounts, filings or audit entries); nothing was copied. Use a new, empty database.',
  ],
  'move.unknownTable': [
    '服务器的数据库没有这些表：{{tables}}，未复制任何内容。请先升级服务器程序。',
    'The server’s database has no table {{tables}}; nothing was copied. Upgrade the server first.',
  ],
  'move.keyDiffers': [
    '服务器数据目录中已有另一台联审台的签名密钥（{{path}}），未复制任何内容。请指定空的服务器数据目录。',
    'The server’s data folder already holds another desk’s signing key ({{path}}); nothing was copied. Give an empty server data folder.',
  ],
  'move.anchorExists': [
    '服务器数据目录中已有另一条审计链的链头（{{path}}），未复制任何内容。请指定空的服务器数据目录。',
    'The server’s data folder already anchors another audit chain ({{path}}); nothing was copied. Give an empty server data folder.',
  ],
  'move.noDesk': ['{{path}} 处没有联审台数据库。', 'There is no desk database at {{path}}.'],
  'move.deskBusy': [
    '联审台正在使用 {{dir}}，请先关闭联审台再迁移。',
    'A desk is using {{dir}}; close it before moving it onto the server.',
  ],
  'move.deskSchema': [
    '联审台数据库的结构版本为 {{version}}，本程序为 {{latest}}：请先用本版本启动一次联审台。',
    'The desk’s database has schema {{version}}, this program {{latest}}: start the desk once with this version first.',
  ],
  'move.noKey': ['联审台的签名密钥不在 {{path}}，无法迁移。', 'The desk’s signing key is not in {{path}}; it cannot be moved.'],
  'move.deskChain': [
    '联审台的审计链未通过校验（{{detail}}），未复制任何内容。请先运行 verify-audit。',
    'The desk’s audit chain does not verify ({{detail}}); nothing was copied. Run verify-audit first.',
  ],
  'move.newerServer': [
    '数据库的结构比本程序新（{{detail}}），未复制任何内容。',
    'The database has a newer schema than this program knows ({{detail}}); nothing was copied.',
  ],
  'move.placeLater': [
    '数据已迁移，但部分附件仍在暂存目录中（{{reason}}）；服务器启动时会自动归位。',
    'The records were moved, but some attachments are still staged ({{reason}}); the server places them when it starts.',
  ],
  'move.failed': [
    '迁移失败，数据库和服务器数据目录均未改变：{{reason}}',
    'The move failed; the database and the server’s data folder are as they were: {{reason}}',
  ],
};
