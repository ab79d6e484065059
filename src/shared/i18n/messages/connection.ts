import type { Messages } from './index';

/** The connection to the desk server as the screen shows it (issue 16 item 4 and its faults paragraph). */
export const connection: Messages = {
  'conn.lost': [
    '与服务器的连接已中断，正在自动重新连接……本页尚未提交的内容都保留着，连接恢复后可以再提交。',
    'The connection to the server is lost; reconnecting by itself… Everything on this page that you have not sent is kept: send it once the connection is back.',
  ],
  'conn.lostDatabase': [
    '服务器暂时无法访问数据库，正在自动重试……本页尚未提交的内容都保留着，恢复后可以再提交。',
    'The server cannot reach its database right now; retrying by itself… Everything on this page that you have not sent is kept: send it once this is resolved.',
  ],
  'conn.back': ['已重新连接，期间的变化已重新载入。', 'Connected again; what changed meanwhile has been reloaded.'],
  'conn.notSent': [
    '无法连接到服务器，本次提交未完成。您填写的内容仍在本页，连接恢复后请再次提交（重复提交不会重复记录）。',
    'The server could not be reached, so this was not completed. What you typed is still here: send it again once the connection is back (a repeat is not recorded twice).',
  ],
  'conn.expiredTitle': ['登录已失效', 'Your session has ended'],
  'conn.expiredIntro': [
    '您的登录已过期或已被结束。请重新登录，登录后回到本页，尚未提交的内容都还在。',
    'Your session expired or was ended. Sign in again to return to this page; what you have not sent yet is still here.',
  ],
  'conn.signIn': ['重新登录', 'Sign in again'],
  'conn.otherUser': ['以其他账户登录', 'Sign in as someone else'],
};
