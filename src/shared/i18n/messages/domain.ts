import type { Messages } from './index';

/**
 * Messages raised by the pure rules in src/shared/domain. Material problems carry {{no}}, {{nameZh}} and {{nameEn}}
 * from Settings so each language quotes the material by its own name.
 */
export const domain: Messages = {
  // acceptance (domain §5)
  'acc.coreMissing': [
    '核心材料「{{no}}. {{nameZh}}」缺失，不能受理，也不能容缺受理',
    'Core material "{{no}}. {{nameEn}}" is missing; the filing cannot be accepted, not even conditionally',
  ],
  'acc.accept.eligibleMissing': [
    '材料「{{no}}. {{nameZh}}」缺失，不能直接受理；可选择容缺受理并设定补交期限',
    'Material "{{no}}. {{nameEn}}" is missing, so the filing cannot be accepted outright; accept it conditionally with a supply deadline instead',
  ],
  'acc.commitmentMissing': [
    '容缺受理须有申请人签署的「{{nameZh}}」，目前未收到',
    'Conditional acceptance needs the applicant\'s signed "{{nameEn}}", which has not been received',
  ],
  'acc.creditDefault': [
    '申请人处于失信状态，不能容缺受理',
    'The applicant is listed as in credit default and cannot be accepted conditionally',
  ],
  'acc.nothingMissing': ['没有缺失的容缺材料，请选择“受理”', 'No eligible material is missing; choose "Accept" instead'],
  'acc.deadline.required': [
    '请为缺失材料「{{no}}. {{nameZh}}」设定补交期限',
    'Set a supply deadline for the missing material "{{no}}. {{nameEn}}"',
  ],
  'acc.deadline.duplicate': [
    '材料「{{no}}. {{nameZh}}」设定了多个补交期限，只能设定一个',
    'Material "{{no}}. {{nameEn}}" has more than one supply deadline; give it exactly one',
  ],
  'acc.deadline.invalid': [
    '材料「{{no}}. {{nameZh}}」的补交期限不是有效日期',
    'The supply deadline for "{{no}}. {{nameEn}}" is not a valid date',
  ],
  'acc.deadline.notAfterToday': [
    '材料「{{no}}. {{nameZh}}」的补交期限须晚于今天（{{today}}）',
    'The supply deadline for "{{no}}. {{nameEn}}" must be after today ({{today}})',
  ],
  'acc.deadline.tooLate': [
    '材料「{{no}}. {{nameZh}}」的补交期限最长 {{days}} 个工作日，即不晚于 {{max}}',
    'The supply deadline for "{{no}}. {{nameEn}}" is at most {{days}} working days, that is no later than {{max}}',
  ],
  'acc.deadline.afterReview': [
    '材料「{{no}}. {{nameZh}}」的补交期限不能晚于联审办结时限 {{max}}',
    'The supply deadline for "{{no}}. {{nameEn}}" cannot be later than the joint review\'s own time limit, {{max}}',
  ],
  'acc.deadline.notMissing': [
    '材料「{{code}}」并未缺失（或不适用于本项目），不能为其设定补交期限',
    'Material "{{code}}" is not missing (or does not apply to this project), so it cannot have a supply deadline',
  ],
  'acc.deadline.unexpected': ['补正和不予受理不设补交期限', 'A correction notice or a refusal does not set supply deadlines'],
  'acc.correction.empty': [
    '补正通知须一次性列明全部需补正的内容，至少填写一项',
    'A correction notice must list everything to correct at once; enter at least one point',
  ],
  'acc.reason.required': ['不予受理须说明理由', 'A refusal must state its reason'],
  // calendar coverage (domain §7)
  'calendar.provisional': [
    '{{year}} 年的法定节假日调休安排尚未录入官方通知，期限按法定假日暂算，请在国务院办公厅通知发布后更新',
    'The official holiday arrangement for {{year}} has not been entered yet; deadlines use the statutory holidays only until the State Council notice is added',
  ],
  'date.provisional': ['暂定', 'provisional'],
  'date.movedToWorkingDay': ['{{from}} 非工作日，顺延至 {{to}}', '{{from}} is not a working day; moved to {{to}}'],
  'date.resulting': ['截止 {{date}}', 'Due {{date}}'],
  'date.beyondMax': ['超过最晚期限 {{max}}，请改为该日或更早', 'Beyond the latest allowed date {{max}}; choose that day or earlier'],
  'calendar.unknown': [
    '{{year}} 年没有节假日数据，期限仅按周末计算',
    'There is no holiday data for {{year}}; deadlines only skip weekends',
  ],
};
