import type { Messages } from './index';

/** The closed loop after acceptance (issue 6): tracked items, reminders, escalation, run period, dashboard, exports. */
export const followup: Messages = {
  // errors and reasons (main)
  'fu.notYourUnit': ['只有核验单位（{{unit}}）的评审人员可以核验此事项', 'Only a reviewer of the verifying unit ({{unit}}) may check this item'],
  'fu.filingEnded': ['该案件已办结（{{state}}），事项不再办理', 'The filing has ended ({{state}}); its items are no longer handled'],
  'fu.itemEnded': ['该事项已销号或不再适用', 'This item is already closed or not applied'],
  'fu.notSupplied': ['材料尚未补交，不能销号', 'The paper has not been supplied yet; it cannot be closed'],
  'fu.notRegistered': ['只有已登记备案的项目才能办理（当前：{{state}}）', 'Only a registered pilot can do this (now: {{state}})'],
  'fu.alreadyExtended': ['试验期已延长过一次，不能再次延长', 'The run period was already extended once'],
  'fu.noPlannedEnd': ['备案中没有计划结束日期', 'The filing has no planned end date'],
  'fu.extensionTooLong': ['延长不得超过 {{max}} 个月', 'An extension may not exceed {{max}} months'],
  'fu.reason.overdue': ['容缺/附条件事项逾期未履行：{{n}} 项，最早期限 {{date}}', 'Tracked items overdue: {{n}}, the earliest due {{date}}'],
  'fu.reason.grace': ['暂停后宽限期（{{days}} 个工作日）届满仍未履行：{{n}} 项，最早期限 {{date}}', 'Still overdue after the grace period ({{days}} working days): {{n}} items, the earliest due {{date}}'],
  'fu.reason.cleared': ['逾期事项均已补交，恢复登记备案效力', 'Every overdue item has been supplied; the registration is restored'],
  'fu.reason.extended': ['试验期延长至 {{to}}：{{reason}}', 'Run period extended to {{to}}: {{reason}}'],
  'fu.reason.closed': ['试验期结束，装置已拆除或封存', 'Run period over; the unit was dismantled or sealed'],
  'export.auditForbidden': ['只有系统管理员和观察员可以导出审计日志', 'Only administrators and observers may export the audit log'],
  // labels shared by screens and exports
  'fu.kind.material': ['容缺材料', 'Missing paper'],
  'fu.kind.condition': ['附加条件', 'Condition'],
  'fu.blocks.notice': ['提示', 'Notice'],
  'fu.blocks.hold': ['暂缓试运行', 'Holds trial run'],
  'fu.blocks.lock': ['暂缓登记', 'Holds registration'],
  'fu.state.open': ['待补交', 'Open'],
  'fu.state.supplied': ['待核验', 'Supplied'],
  'fu.state.closed': ['已销号', 'Closed'],
  'fu.state.notApplied': ['不再适用', 'Not applied'],
  'fu.alert.overdue': ['已逾期', 'Overdue'],
  'fu.alert.dueSoon': ['即将到期', 'Due soon'],
  'fu.alert.reminder': ['临近期限', 'Reminder'],
  // trajectory events
  'traj.event.followup.supplied': ['补交材料', 'Item supplied'],
  'traj.event.followup.verified': ['回访销号', 'Item verified and closed'],
  'traj.event.followup.notApplied': ['事项不再适用', 'Item not applied'],
  'traj.event.followup.allClosed': ['事项全部销号', 'All items closed'],
  'traj.event.followup.suspended': ['逾期暂停', 'Suspended (overdue)'],
  'traj.event.followup.revoked': ['逾期撤销', 'Revoked (overdue)'],
  'traj.event.followup.terminated': ['逾期终止', 'Terminated (overdue)'],
  'traj.event.followup.reinstated': ['恢复效力', 'Reinstated'],
  'traj.event.followup.extended': ['延长试验期', 'Run period extended'],
  'traj.event.followup.closed': ['试验期结束关闭', 'Closed after the run period'],
};
