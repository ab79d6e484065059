import type { CertificateDoc } from '../../src/main/pdf/certificate';

/** A complete certificate with the rare name characters the pixel test looks for. */
export function sampleCertificate(over: Partial<CertificateDoc> = {}): CertificateDoc {
  return {
    number: '滨海化中试备〔2026〕1号',
    titleZh: '化工中试项目登记备案证明',
    projectName: '年产50吨高纯电子级六氟磷酸锂中试项目',
    applicantName: '滨海堃喆新材料科技有限公司',
    creditCode: '91350100M000100Y43',
    legalRepresentative: '王珺燊',
    parkName: '滨海临港化工园区',
    baseName: '滨海化工中试基地',
    bay: '3号中试楼A区2层',
    products: [
      { name: '六氟磷酸锂', cas: '21324-40-3' },
      { name: '氟化锂', cas: '7789-24-4' },
    ],
    routeSummary: '以氟化锂与五氯化磷为原料，在无水氟化氢溶剂中经氟化反应制得六氟磷酸锂，再经结晶、过滤、干燥得到成品。',
    processes: ['氟化', '氯化'],
    chemicals: [
      { name: '无水氟化氢', cas: '7664-39-3', maxInProcessT: 0.8, maxStoredT: 2.5 },
      { name: '五氯化磷', cas: '10026-13-8', maxInProcessT: 0.35, maxStoredT: null },
    ],
    scale: { batchKg: 120, throughputTpa: 50, largestReactorM3: 0.5 },
    runFrom: '2026-12-01',
    runTo: '2028-11-30',
    extension: null,
    conclusions: [
      { unitName: '应急管理局', decision: '有条件通过', opinion: '反应安全风险评估为3级，须在试生产前完成HAZOP分析闭环。' },
      { unitName: '生态环境分局', decision: '通过', opinion: '' },
      { unitName: '自然资源和规划局', decision: '通过', opinion: '选址位于园区规划工业用地内。' },
      { unitName: '行政审批服务局', decision: '通过', opinion: '' },
      { unitName: '滨海临港化工园区管委会', decision: '有条件通过', opinion: '入驻协议已签订；负责人李昇玥、赵犇龑。' },
    ],
    openItems: [
      { text: '补交中试装置应急预案', verifyingUnit: '应急管理局', dueDate: '2026-12-20', kind: '容缺材料' },
      { text: 'HAZOP分析报告建议项整改闭环', verifyingUnit: '应急管理局', dueDate: '2027-01-15', kind: '限制试运行' },
    ],
    prohibitions: ['不得开展工业化生产；试验期满应拆除或封存并报告'],
    issuer: '滨海新区行政审批服务局',
    issueDate: '2026年11月26日',
    qrText: 'PDC1|placeholder',
    verificationCode: 'K7M2Q9XW4H',
    auditHead: '3f9a1c0e7b5d2a8f64c1e0b9d7a3f5c2e8b4d6a0c9f1e3b5d7a9c2e4f6b8d0a1',
    replaces: null,
    ...over,
  };
}

export const sampleConditional = {
  filingNo: 'BH-2026-0042',
  applicantName: '滨海堃喆新材料科技有限公司',
  projectName: '年产50吨高纯电子级六氟磷酸锂中试项目',
  items: [
    { name: '中试装置应急预案', form: '纸质文本一式两份，加盖单位公章', dueDate: '2026-12-20' },
    { name: '环境影响评价文件或豁免意见', form: '批复文件复印件（核验原件）', dueDate: '2027-01-09' },
    { name: '人员名单及资格、培训记录', form: '名单加盖公章，附证书复印件', dueDate: '2026-12-10' },
  ],
  consequence: '逾期未补齐的，本机关将终止审查程序，并将你单位的失信行为记入信用记录；已办理登记备案的，予以暂停直至撤销。',
  issuer: '滨海新区行政审批服务局',
  issueDate: '2026-11-26',
};

export const sampleCorrection = {
  filingNo: 'BH-2026-0043',
  applicantName: '滨海昇玥精细化工有限公司',
  projectName: '对硝基苯甲酸连续硝化中试项目',
  points: [
    '申请表未加盖单位公章，请重新签章。',
    '中试方案未载明批次数量和运行期限，请补充。',
    '反应安全风险评估报告缺少硝化反应的热失控参数（TMRad、MTSR），请补充评估内容。',
  ],
  issuer: '滨海新区行政审批服务局',
  issueDate: '2026-11-26',
};

export const sampleRefusal = {
  kind: 'rejected' as const,
  filingNo: 'BH-2026-0044',
  applicantName: '滨海犇龑化学有限公司',
  projectName: '光气化法异氰酸酯中试项目',
  reasons: ['拟选址不在认定的化工园区中试基地内。', '首次使用的光气化工艺未取得省级安全可靠性论证意见。'],
  issuer: '滨海新区行政审批服务局',
  issueDate: '2026-11-26',
};

export const sampleMinutes = {
  title: '化工中试项目联合审查会议纪要',
  date: '2026-11-20',
  time: '09:30',
  place: '滨海新区政务服务中心三楼会议室',
  host: '行政审批服务局 张珺',
  attendance: [
    { unit: '应急管理局', people: '刘堃、陈喆' },
    { unit: '生态环境分局', people: '王玥' },
    { unit: '自然资源和规划局', people: '赵燊' },
    { unit: '行政审批服务局', people: '张珺、孙昇' },
    { unit: '滨海临港化工园区', people: '李犇' },
  ],
  filings: [
    {
      filingNo: 'BH-2026-0042',
      projectName: '年产50吨高纯电子级六氟磷酸锂中试项目',
      applicantName: '滨海堃喆新材料科技有限公司',
      decisions: [
        { unit: '应急管理局', decision: '有条件通过', opinion: '须在试运行前完成HAZOP建议项整改。', by: '刘堃' },
        { unit: '生态环境分局', decision: '通过', opinion: '', by: '王玥' },
        { unit: '自然资源和规划局', decision: '通过', opinion: '用地符合园区规划。', by: '赵燊' },
        { unit: '行政审批服务局', decision: '通过', opinion: '', by: '张珺' },
        { unit: '滨海临港化工园区', decision: '有条件通过', opinion: '入驻协议已签订。', by: '李犇' },
      ],
      conditions: [
        { text: 'HAZOP分析报告建议项整改闭环', unit: '应急管理局', dueDate: '2027-01-15', blocks: 'hold' },
        { text: '补交中试装置应急预案', unit: '应急管理局', dueDate: '2026-12-20', blocks: 'notice' },
      ],
      nextSteps: '由行政审批服务局在10个工作日内出具登记备案证明；园区负责试运行期间日常监管。',
    },
  ],
  issuer: '滨海新区化工中试项目联合审查办公室',
  issueDate: '2026-11-20',
};

/**
 * The largest typical certificate (domain §8 "One page", issue 15 §5): three chemicals, two conditions and one missing
 * paper, long-ish Chinese names, conclusions with opinions, and the hold prohibition open items bring. One A4 page.
 */
export function typicalMaximum(over: Partial<CertificateDoc> = {}): CertificateDoc {
  return sampleCertificate({
    number: '滨海化中试备〔2026〕128号',
    projectName: '年产200吨电子级双氟磺酰亚胺锂连续流微通道中试项目',
    applicantName: '滨海堃喆新材料科技股份有限公司',
    parkName: '滨海临港经济区化工园区',
    baseName: '滨海临港化工中试基地二区',
    bay: 'B3中试车间2号位',
    products: [{ name: '双氟磺酰亚胺锂', cas: '171611-11-3' }],
    routeSummary: '以氯磺酸、氯化亚砜和无水氟化氢为原料，经磺化、氯化、氟化三步反应，在连续流微通道反应器中制备双氟磺酰亚胺锂。',
    processes: ['氟化', '氯化', '磺化'],
    chemicals: [
      { name: '无水氟化氢', cas: '7664-39-3', maxInProcessT: 0.8, maxStoredT: 2.5 },
      { name: '氯磺酸', cas: '7790-94-5', maxInProcessT: 0.6, maxStoredT: 3 },
      { name: '氯化亚砜', cas: '7719-09-7', maxInProcessT: 0.45, maxStoredT: 1.5 },
    ],
    openItems: [
      { text: '补交“中试装置应急预案”（正式文本及评审意见）', verifyingUnit: '应急管理局', dueDate: '2026-12-20', kind: '容缺材料' },
      { text: '试验运行前完成应急演练并报园区备案', verifyingUnit: '滨海临港化工园区管委会', dueDate: '2027-01-15', kind: '限制试运行' },
      { text: 'HAZOP分析报告建议项整改闭环', verifyingUnit: '应急管理局', dueDate: '2027-01-29', kind: '限制试运行' },
    ],
    prohibitions: ['不得开展工业化生产；试验期满应拆除或封存并报告', '上述待落实事项完成并经核查销号前，不得开展试运行'],
    ...over,
  });
}
