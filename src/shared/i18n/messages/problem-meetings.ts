import type { Messages } from './index';

/** Assignment meetings (企业问题交办会) on the joint session's screen: attendance, audience, minutes. */
export const problemMeetings: Messages = {
  'pr.meeting.notAssignment': ['这不是企业问题交办会', 'This is not a problem assignment meeting'],
  'pr.meeting.closeAsAssignment': ['企业问题交办会请在交办会页面结束', 'Close a problem assignment meeting from its own screen'],
  'pr.minutes.title': ['企业问题交办会会议纪要', 'Minutes of the problem assignment meeting'],
  'pm.attendance': ['参会单位及人员', 'Attendance'],
  'pm.attendance.none': ['尚未登记参会人员', 'No one recorded yet'],
  'pm.attendance.department': ['部门', 'Department'],
  'pm.attendance.people': ['参会人员（以顿号或逗号分隔）', 'People (separated by commas)'],
  'pm.attendance.save': ['登记', 'Record'],
  'pm.audience': ['打开投屏窗口', 'Open the audience window'],
  'pm.close': ['结束会议并生成纪要', 'Close the meeting and file the minutes'],
  'pm.closed': ['会议已结束', 'The meeting is closed'],
  'pm.minutes': ['会议纪要（PDF）', 'Minutes (PDF)'],
  'pm.lead': ['牵头单位', 'Lead unit'],
  'pm.cooperating': ['配合单位', 'Co-operating units'],
  'pm.due': ['限期', 'Deadline'],
  'pm.opinion': ['下步工作意见', 'Next-step opinion'],
  'pm.awaiting': ['待交办', 'Awaiting dispatch'],
  'pm.request': ['企业诉求', 'What the firm asks'],
  // attachments of a problem (same upload rules as a filing's papers)
  'pm.files': ['附件（PDF、PNG、JPEG、OFD，单个不超过 20 MB）', 'Attachments (PDF, PNG, JPEG, OFD; up to 20 MB each)'],
  'pm.files.list': ['附件', 'Attachments'],
  'pm.files.reading': ['正在读取文件…', 'Reading the files…'],
};
