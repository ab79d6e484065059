import type { Messages } from './index';

/** The desktop app as a client of the district server (issue 16, item 7): its connection screen and refusals. */
export const remote: Messages = {
  'remote.unreachable': [
    '无法连接区联审服务器 {{address}}（{{reason}}）。服务器上没有任何改动；请检查网络后重试。',
    'The district server {{address}} cannot be reached ({{reason}}). Nothing was changed on it; check the network and try again.',
  ],
  'remote.pinChanged': [
    '区联审服务器 {{address}} 的证书与首次连接时确认的不同，已拒绝连接。',
    'The certificate of the district server {{address}} is not the one confirmed on first connection; the connection was refused.',
  ],
  'remote.badAddress': [
    '服务器地址无效，请输入如 desk.example.gov.cn:8443 的地址。',
    'Not a server address. Enter one like desk.example.gov.cn:8443.',
  ],
  'remote.notHttps': ['只能通过 HTTPS 连接区联审服务器。', 'The district server can only be reached over HTTPS.'],
  'remote.title': ['这台电脑如何使用联审平台', 'How this computer uses the desk'],
  'remote.standalone': ['仅本机使用', 'This computer only'],
  'remote.standaloneHint': ['记录保存在这台电脑上，与现在一样。', 'The record is kept on this computer, as before.'],
  'remote.server': ['连接区联审服务器', 'Connect to the district server'],
  'remote.serverHint': [
    '各单位在自己的电脑上共用区里的一份记录。地址由管理员提供。',
    "Every unit works on the district's one record from its own computer. The administrator gives you the address.",
  ],
  'remote.address': ['服务器地址', 'Server address'],
  'remote.useStandalone': ['在本机使用', 'Use this computer'],
  'remote.check': ['检查服务器', 'Check the server'],
  'remote.fingerprintTitle': ['请核对服务器证书指纹', "Compare the server certificate's fingerprint"],
  'remote.fingerprintHint': [
    '请与管理员给您的指纹逐段核对。完全一致才能连接；以后每次连接都会检查它。',
    'Compare it group by group with the fingerprint the administrator gave you. Connect only if it is exactly the same; every later connection checks it.',
  ],
  'remote.confirm': ['指纹一致，连接', 'It matches: connect'],
  'remote.back': ['返回', 'Back'],
  'remote.cancel': ['取消', 'Cancel'],
  'remote.restarting': ['正在以新的方式重新启动…', 'Restarting in the new mode…'],
  'remote.refusedTitle': ['服务器证书已改变，已拒绝连接', 'The server certificate has changed: connection refused'],
  'remote.refusedBody': [
    '服务器 {{address}} 出示的证书与您首次连接时确认的不同。这可能是管理员更换了证书，也可能有人冒充服务器。在弄清之前，联审平台不会向它发送任何内容。',
    'The server {{address}} shows a certificate other than the one you confirmed on first connection. The administrator may have replaced it, or someone may be posing as the server. Until that is clear, the desk sends it nothing.',
  ],
  'remote.expected': ['已确认的指纹', 'Confirmed fingerprint'],
  'remote.actual': ['服务器现在出示的指纹', 'Fingerprint the server shows now'],
  'remote.refusedWhat': [
    '请打电话给管理员核对新的指纹。只有管理员确认更换过证书、且指纹与上面一致时，才重新设置连接。',
    'Call the administrator and compare the new fingerprint. Set the connection up again only if they confirm the certificate was replaced and the fingerprint matches the one above.',
  ],
  'remote.setupAgain': ['重新设置连接', 'Set up the connection again'],
};
