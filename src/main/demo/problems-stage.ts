/**
 * Demo enterprise problems (domain §12), after the filings: a dozen firms' problems in every state, dated back from
 * the load day and walked through the real handlers by the departments that would act — entered, dispatched (some
 * at an assignment meeting), reported on, paused for the firm, extended or handed over with the blockage cause,
 * solved, visited and closed or reopened. Firms are the demo filings' applicants, so each links to its filing.
 */
import type { Input } from '../../shared/contract';
import type { ProblemView } from '../../shared/contract/problems-views';
import { addDays, toIsoDate } from '../../shared/domain/calendar';
import { demoFields } from './data';
import type { DemoRunner } from './plan';

const DAY = 86_400_000;
type Step =
  | { do: 'report'; by: string; text: string; kind?: 'progress' | 'note' }
  | { do: 'pause' | 'resume'; by: string; text: string }
  | { do: 'extend'; text: string; cause: Input<'problem.extend'>['blockage'] }
  | { do: 'reassign'; lead: string; co: string[]; text: string; cause?: Input<'problem.reassign'>['blockage'] }
  | { do: 'solve'; by: string; text: string; cause?: Input<'problem.resolve'>['blockage'] }
  | { do: 'visit'; satisfied: boolean; text: string };

interface Plan {
  by: string;
  daysAgo: number;
  title: string;
  request: string;
  source: Input<'problem.create'>['source'];
  category: string;
  dispatch?: { lead: string; co: string[]; grade: 'park' | 'district' | 'city'; reason?: string; opinion: string; atMeeting?: boolean };
  /** [days after dispatch, step] */
  steps?: [number, Step][];
}

const PLANS: Plan[] = [
  {
    by: 'clerk',
    daysAgo: 5,
    title: '危废暂存间选址与规划条件冲突',
    request: '拟建危废暂存间位置与控规绿线重叠，请协调调整。',
    source: 'review',
    category: 'land',
  },
  {
    by: 'yq',
    daysAgo: 4,
    title: '中试装置蒸汽供应不足',
    request: '园区集中供热管网压力不足，中试装置开车需 1.0MPa 蒸汽。',
    source: 'firm',
    category: 'utilities',
  },
  {
    by: 'clerk',
    daysAgo: 6,
    title: '中试车间 10kV 供电线路只能入地敷设',
    request: '供电公司要求线路入地，造价约 600 万元、工期 8 个月，请协调架空方案。',
    source: 'commissioner',
    category: 'utilities',
    dispatch: {
      lead: 'yq',
      co: ['gdgs', 'tl'],
      grade: 'city',
      opinion: '园区牵头，会同供电公司、铁路管理单位现场踏勘，比选架空租赁方案。',
      atMeeting: true,
    },
    steps: [[3, { do: 'report', by: 'yq', text: '已会同供电公司现场踏勘，发现铁路沿线既有架空走廊。' }]],
  },
  {
    by: 'hb',
    daysAgo: 24,
    title: '环评批复前能否先行开展设备安装',
    request: '企业希望在环评批复前进行非生产性设备安装。',
    source: 'firm',
    category: 'environment',
    dispatch: { lead: 'hb', co: ['sp'], grade: 'district', opinion: '环保分局牵头，明确可先行开展的工作范围并书面告知企业。' },
    steps: [[2, { do: 'report', by: 'hb', text: '已梳理可先行开展的非生产性工作清单。' }]],
  },
  {
    by: 'clerk',
    daysAgo: 60,
    title: '中试用地土地证办理缓慢',
    request: '园区标准厂房分割转让，不动产权证办理已超过三个月。',
    source: 'commissioner',
    category: 'land',
    dispatch: { lead: 'gh', co: ['yq'], grade: 'district', opinion: '规划分局牵头，园区配合，明确分割转让办证路径。' },
    steps: [
      [5, { do: 'report', by: 'gh', text: '分割转让需补办规划核实手续，已告知园区。' }],
      [12, { do: 'report', by: 'gh', text: '园区规划核实资料尚未提交。' }],
    ],
  },
  {
    by: 'yq',
    daysAgo: 20,
    title: '研发人员人才公寓申请',
    request: '企业 12 名研发人员申请园区人才公寓。',
    source: 'firm',
    category: 'finance',
    dispatch: { lead: 'kjsw', co: ['yq'], grade: 'district', opinion: '科技商务局牵头，按人才政策审核。' },
    steps: [
      [3, { do: 'report', by: 'yq', text: '园区已核实在职人员名单。', kind: 'note' }],
      [4, { do: 'pause', by: 'clerk', text: '等待企业补充社保缴纳证明' }],
    ],
  },
  {
    by: 'clerk',
    daysAgo: 35,
    title: '排污许可证与中试期限衔接',
    request: '中试期 18 个月，排污许可有效期如何衔接。',
    source: 'tracked',
    category: 'approvals',
    dispatch: { lead: 'sp', co: ['hb'], grade: 'district', opinion: '审批局牵头，会同环保分局明确衔接办法。' },
    steps: [
      [4, { do: 'report', by: 'sp', text: '已与环保分局会商。' }],
      [12, { do: 'reassign', lead: 'hb', co: ['sp'], text: '属排污许可事项，改由环保分局牵头' }],
      [16, { do: 'report', by: 'hb', text: '拟按临时排污许可办理。' }],
    ],
  },
  {
    by: 'clerk',
    daysAgo: 45,
    title: '安全设施设计专家论证排期',
    request: '专家论证排期需两个月，影响中试开车。',
    source: 'review',
    category: 'safety',
    dispatch: { lead: 'yj', co: [], grade: 'district', reason: '涉及全区专家库调度', opinion: '应急管理局牵头，协调专家库加急排期。' },
    steps: [
      [6, { do: 'report', by: 'yj', text: '已联系专家库。' }],
      [
        32,
        {
          do: 'solve',
          by: 'yj',
          text: '已安排专家论证并出具意见。',
          cause: { class: 'mechanism', unit: null, text: '专家库无加急排期机制' },
        },
      ],
    ],
  },
  {
    by: 'yq',
    daysAgo: 18,
    title: '园区污水管网接入',
    request: '中试废水接入园区污水处理厂需开口许可。',
    source: 'firm',
    category: 'utilities',
    dispatch: { lead: 'yq', co: [], grade: 'park', opinion: '园区牵头，办理接管手续。' },
    steps: [
      [3, { do: 'report', by: 'yq', text: '已完成接管方案审查。' }],
      [6, { do: 'solve', by: 'yq', text: '接管许可已办结，企业已接入。' }],
    ],
  },
  {
    by: 'clerk',
    daysAgo: 90,
    title: '消防验收与中试装置改造冲突',
    request: '装置改造后需重新消防验收，与中试进度冲突。',
    source: 'commissioner',
    category: 'safety',
    dispatch: { lead: 'yj', co: ['sp'], grade: 'district', opinion: '应急管理局牵头，审批局配合，明确分段验收。' },
    steps: [
      [5, { do: 'report', by: 'yj', text: '已明确分段验收方案。' }],
      [15, { do: 'solve', by: 'yj', text: '第一段验收已完成。' }],
      [17, { do: 'visit', satisfied: false, text: '企业反映第二段验收时间未确定' }],
      [24, { do: 'solve', by: 'yj', text: '第二段验收时间已书面确定。' }],
      [26, { do: 'visit', satisfied: true, text: '企业满意' }],
    ],
  },
  {
    by: 'clerk',
    daysAgo: 110,
    title: '历史遗留厂房无产权证明',
    request: '收购的老厂房无产权证明，无法办理中试登记。',
    source: 'review',
    category: 'land',
    dispatch: { lead: 'gh', co: ['yq', 'sp'], grade: 'district', opinion: '规划分局牵头，按历史遗留问题处置办法办理。' },
    steps: [
      [6, { do: 'report', by: 'gh', text: '已调取原始批文。' }],
      [18, { do: 'extend', text: '延期', cause: { class: 'legacy', unit: null, text: '厂房建于 1998 年，原始审批档案缺失' } }],
      [35, { do: 'solve', by: 'gh', text: '已出具历史遗留厂房认定意见。' }],
      [38, { do: 'visit', satisfied: true, text: '企业满意' }],
    ],
  },
  {
    by: 'yq',
    daysAgo: 70,
    title: '中试产品运输危化品车辆通行',
    request: '园区道路限行，危化品车辆夜间无法通行。',
    source: 'firm',
    category: 'other',
    dispatch: { lead: 'yq', co: [], grade: 'park', opinion: '园区牵头，调整危化品车辆通行时段。' },
    steps: [
      [4, { do: 'report', by: 'yq', text: '已与交警部门沟通。' }],
      [8, { do: 'solve', by: 'yq', text: '已调整通行时段，企业车辆可夜间通行。' }],
      [9, { do: 'visit', satisfied: true, text: '企业满意' }],
    ],
  },
];

let keys = 0;
const key = () => `demo-problem-${Date.now().toString(36)}-${++keys}`;

async function step(runner: DemoRunner, p: ProblemView, s: Step, at: Date): Promise<ProblemView> {
  const clerk = runner.as('clerk');
  const ref = { problemId: p.id, version: p.version };
  switch (s.do) {
    case 'report':
      return runner.call(runner.as(s.by), 'problem.report', { problemId: p.id, kind: s.kind ?? 'progress', text: s.text }, at);
    case 'pause':
    case 'resume':
      return runner.call(runner.as(s.by), 'problem.pause', { ...ref, pause: s.do === 'pause', reason: s.text }, at);
    case 'extend':
      return runner.call(clerk, 'problem.extend', { ...ref, days: 15, blockage: s.cause }, at);
    case 'reassign':
      return runner.call(
        clerk,
        'problem.reassign',
        { ...ref, lead: s.lead, cooperating: s.co, reason: s.text, blockage: s.cause ?? null },
        at,
      );
    case 'solve':
      return runner.call(runner.as(s.by), 'problem.resolve', { ...ref, text: s.text, blockage: s.cause ?? null }, at);
    case 'visit':
      return runner.call(clerk, 'problem.visit', { ...ref, satisfied: s.satisfied, notes: s.text }, at);
  }
}

export async function problemsStage(runner: DemoRunner, loadedAt: Date): Promise<void> {
  const clerk = runner.as('clerk');
  const meetingAt = new Date(loadedAt.getTime() - 3 * DAY);
  const atMeeting = PLANS.filter((p) => p.dispatch?.atMeeting || !p.dispatch);
  const created = new Map<Plan, ProblemView>();
  for (const [i, plan] of PLANS.entries()) {
    const firm = demoFields(i + 8, 'p', 'b', '2026-01-01', '2027-01-01').applicant;
    const at = new Date(loadedAt.getTime() - plan.daysAgo * DAY);
    const input = { creditCode: firm.creditCode, firmName: firm.name, filingId: null, title: plan.title, request: plan.request };
    const p = await runner.call(
      runner.as(plan.by),
      'problem.create',
      { ...input, source: plan.source, category: plan.category, attachments: [], idempotencyKey: key() },
      at,
    );
    created.set(plan, p);
  }
  // The assignment meeting three days ago took the newest problems; one was dispatched there, two wait.
  const meeting = await runner.call(
    clerk,
    'problem.meetingCreate',
    {
      date: toIsoDate(meetingAt),
      time: '09:30',
      place: '区政务服务中心三楼会议室',
      agenda: atMeeting.map((p) => created.get(p)!.id),
      idempotencyKey: key(),
    },
    new Date(meetingAt.getTime() - 12 * 3600_000),
  );
  for (const plan of PLANS) {
    if (!plan.dispatch) continue;
    const d = plan.dispatch;
    const at = d.atMeeting ? meetingAt : new Date(loadedAt.getTime() - (plan.daysAgo - 1) * DAY);
    let p = created.get(plan)!;
    p = await runner.call(
      clerk,
      'problem.dispatch',
      {
        problemId: p.id,
        version: p.version,
        meetingId: d.atMeeting ? meeting.id : null,
        lead: d.lead,
        cooperating: d.co,
        grade: d.grade,
        gradeReason: d.reason ?? '',
        opinion: d.opinion,
      },
      at,
    );
    for (const [after, s] of plan.steps ?? []) {
      const when = new Date(at.getTime() + after * DAY);
      if (toIsoDate(when) > addDays(toIsoDate(loadedAt), -1)) break;
      p = await step(runner, p, s, when);
    }
  }
}
