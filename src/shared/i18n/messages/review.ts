import type { Messages } from './index';

/** Joint review (domain §6, §7) and the trajectory map (§10). */
export const review: Messages = {
  'review.notYourSection': [
    '只有本单位的审查人员才能对“{{section}}”部分作出决定',
    'Only a reviewer of this unit may decide the "{{section}}" section',
  ],
  'review.notInReview': ['该备案当前不在联合审查中（状态：{{state}}）', 'This filing is not in joint review (state: {{state}})'],
  'review.wrongRound': [
    '审查轮次已变化，当前为第{{round}}轮，请刷新后再提交',
    'The review round has changed (now round {{round}}); reload and try again',
  ],
  'review.notInRound': ['本轮（第{{round}}轮）不需要“{{section}}”作出决定', 'Section "{{section}}" does not decide in round {{round}}'],
  'review.notWaitingSupplement': [
    '该备案没有在等待申请人补正材料（状态：{{state}}）',
    'This filing is not waiting for a supplement (state: {{state}})',
  ],
  'review.alreadyPaused': ['审查计时已暂停', 'The review clock is already paused'],
  'review.notPaused': ['没有可恢复的专家评审暂停', 'There is no expert-review pause to resume'],

  'pause.waitingForApplicant': ['等待申请人补正', "Waiting for the applicant's supplement"],

  'traj.draft': ['窗口录入中，已{{days}}个工作日', 'Being entered at the desk for {{days}} working days'],
  'traj.waitingAcceptance': [
    '等待窗口作出受理决定，已{{days}}个工作日',
    "Waiting for the desk's acceptance decision for {{days}} working days",
  ],
  'traj.waitingCorrection': [
    '等待申请人补正后重新提交，已{{days}}个工作日',
    'Waiting for the applicant to correct and resubmit for {{days}} working days',
  ],
  'traj.waitingSupplement': [
    '退回补正：等待申请人补充材料，计时暂停，已{{days}}个工作日',
    'Supplement requested: waiting for the applicant, clock paused, for {{days}} working days',
  ],
  'traj.waitingUnit': [
    '联合审查：等待{{unit}}作出决定，已{{days}}个工作日',
    'Joint review: waiting for {{unit}} to decide for {{days}} working days',
  ],
  'traj.waitingUnits': [
    '联合审查：等待{{units}}作出决定，已{{days}}个工作日',
    'Joint review: waiting for {{units}} to decide for {{days}} working days',
  ],
  'traj.pausedExpert': [
    '审查计时暂停（{{reason}}），待决单位：{{units}}',
    'Review clock paused ({{reason}}); units still to decide: {{units}}',
  ],
  'traj.waitingCertificate': [
    '审查通过，等待窗口出具备案证明，已{{days}}个工作日',
    'Approved; waiting for the desk to issue the certificate for {{days}} working days',
  ],
  'traj.final': ['已办结（{{state}}）', 'Finished ({{state}})'],
  'traj.state': ['当前状态：{{state}}', 'Current state: {{state}}'],

  'traj.step.draft': ['录入', 'Entry'],
  'traj.step.acceptance': ['受理', 'Acceptance'],
  'traj.step.correction': ['申请人补正', 'Applicant correcting'],
  'traj.step.supplement': ['申请人补充材料（暂停计时）', 'Applicant supplementing (clock paused)'],
  'traj.step.review': ['联合审查', 'Joint review'],
  'traj.step.certificate': ['出具证明', 'Certificate'],

  'traj.event.created': ['创建', 'Created'],
  'traj.event.submitted': ['提交', 'Submitted'],
  'traj.event.resubmitted': ['补正后重新提交', 'Resubmitted'],
  'traj.event.acceptance.accept': ['受理', 'Accepted'],
  'traj.event.acceptance.conditional': ['容缺受理', 'Accepted conditionally'],
  'traj.event.acceptance.correction': ['一次性告知补正', 'Returned for correction'],
  'traj.event.acceptance.notAccepted': ['不予受理', 'Not accepted'],
  'traj.event.review.roundOpened': ['开启审查轮次', 'Review round opened'],
  'traj.event.review.decided': ['单位作出决定', 'Unit decided'],
  'traj.event.review.stale': ['材料变更，已签意见待重新确认', 'Facts changed; signed decisions to re-confirm'],
  'traj.event.review.supplementRequested': ['退回补正', 'Supplement requested'],
  'traj.event.review.supplied': ['申请人补充材料', 'Supplement received'],
  'traj.event.review.rejected': ['不予通过', 'Rejected'],
  'traj.event.review.approved': ['审查通过', 'Approved'],
  'traj.event.review.clockPaused': ['暂停计时', 'Clock paused'],
  'traj.event.review.clockResumed': ['恢复计时', 'Clock resumed'],
  'traj.event.overdue': ['超期', 'Overdue'],
};
