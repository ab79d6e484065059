import { casWithCheck, creditCodeWithCheck } from '../../shared/domain/identifiers';
import { emptyFilingFields, type FilingFields } from '../../shared/schemas/filing';
import type { HazardousProcess } from '../../shared/domain/units';

/** Plausible demo firms and projects. Every credit code and CAS number is valid by its checksum. */
const FIRMS = [
  ['山东滨海瑞丰新材料有限公司', '王建国', '滨海区临港路88号'],
  ['潍坊海晟精细化工有限公司', '李晓东', '滨海区海港大道16号'],
  ['滨海昇华医药化学有限公司', '张玥', '滨海区创新路9号'],
  ['山东燊源催化科技有限公司', '赵燊', '滨海区化工三路12号'],
  ['青岛龑鑫电子化学品有限公司', '陈龑', '滨海区化工一路5号'],
  ['滨海喆创高分子材料有限公司', '刘喆', '滨海区新材料产业园A3栋'],
  ['山东犇腾农用化学有限公司', '孙犇', '滨海区渤海路101号'],
  ['烟台珺泰氟材料有限公司', '周珺', '滨海区氟硅产业园2号'],
  ['滨海堃元新能源材料有限公司', '吴堃', '滨海区港城路66号'],
  ['山东鲁海精化科技有限公司', '郑海', '滨海区化工二路30号'],
  ['东营蓝晶特种气体有限公司', '冯蓝', '滨海区中试基地B区'],
  ['滨海泓源生物化工有限公司', '何泓', '滨海区生物医药园7号'],
] as const;

const CHEMICALS: [string, string][] = [
  ['甲苯', '108-88-3'],
  ['甲醇', '67-56-1'],
  ['氢气', '1333-74-0'],
  ['氯气', '7782-50-5'],
  ['硝酸', '7697-37-2'],
  ['硫酸', '7664-93-9'],
  ['氢氟酸', '7664-39-3'],
  ['过氧化氢', '7722-84-1'],
  ['乙醇', '64-17-5'],
];

/** Product, route summary, key-regulated processes, exothermic: each route makes its own product. */
const ROUTES: [[string, string], string, HazardousProcess[], boolean][] = [
  [['4-氟苯甲醛', '459-57-4'], '以对氟甲苯为原料，经侧链氯化、水解制备4-氟苯甲醛，连续流微通道反应。', ['氯化'], true],
  [['对硝基甲苯', '99-99-0'], '甲苯硝化制备对硝基甲苯，采用微反应器控制反应热，在线分析。', ['硝化'], true],
  [['苯胺', '62-53-3'], '硝基苯催化加氢制苯胺，固定床反应器，氢气循环。', ['加氢'], true],
  [['环氧丙烷', '75-56-9'], '丙烯与过氧化氢在钛硅分子筛催化下环氧化制环氧丙烷（HPPO工艺）。', ['氧化', '过氧化'], true],
  [['丙烯酸丁酯', '141-32-2'], '丙烯酸与正丁醇酯化，精馏提纯，常压操作。', [], false],
  [['六氟磷酸锂', '21324-40-3'], '五氯化磷与氟化锂在无水氟化氢中合成六氟磷酸锂。', ['氟化'], true],
  [['2-氯吡啶', '109-09-1'], '吡啶气相氯化制2-氯吡啶，尾气碱洗吸收。', ['氯化'], true],
];

/** Deterministic pseudo-random numbers so every demo load looks the same. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function demoCreditCode(i: number): string {
  // 91 (enterprise) + 370700 (region) + 9-character organisation code body.
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  let n = 7_000_000 + i * 7919;
  for (let k = 0; k < 8; k++) {
    body = alphabet[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return creditCodeWithCheck(`91370700${body}X`.slice(0, 17));
}

export function demoFields(i: number, parkId: string, baseId: string, start: string, end: string): FilingFields {
  const rnd = seeded(i + 1);
  const firm = FIRMS[i % FIRMS.length]!;
  const route = ROUTES[i % ROUTES.length]!;
  const f = emptyFilingFields();
  f.applicant = {
    name: firm[0],
    creditCode: demoCreditCode(i),
    legalRepresentative: firm[1],
    contactName: firm[1],
    contactMobile: `13${String(800000000 + i * 1234567).slice(0, 9)}`,
    address: `山东省滨海市${firm[2]}`,
    creditStatus: i % 11 === 5 ? 'repaired' : 'normal',
    creditCheckedOn: start,
  };
  const chem = [CHEMICALS[i % CHEMICALS.length]!, CHEMICALS[(i + 3) % CHEMICALS.length]!];
  f.project = {
    ...f.project,
    name: `年产${[5, 10, 20, 50][i % 4]}吨${route[0][0]}中试项目`,
    projectCode: i % 3 === 0 ? `2026-371002-26-03-${String(100000 + i * 37).slice(0, 6)}` : '',
    parkId,
    baseId,
    bay: `${['A', 'B', 'C'][i % 3]}${1 + (i % 6)}中试车间${1 + (i % 3)}号位`,
    products: [{ name: route[0][0], cas: route[0][1] }],
    routeSummary: route[1],
    processes: route[2],
    exothermic: route[3],
    firstUseInChina: i % 9 === 4,
    chemicals: chem.map(([name, cas]) => ({
      name,
      cas,
      maxInProcessT: Math.round(rnd() * 20) / 10,
      maxStoredT: Math.round(rnd() * 80) / 10,
    })),
    batchKg: 50 + Math.round(rnd() * 450),
    throughputTpa: [5, 10, 20, 50][i % 4]!,
    largestReactorM3: Math.round((0.5 + rnd() * 4.5) * 10) / 10,
    hazardGrade: route[1].length ? 1 + Math.floor(rnd() * 4) : null,
    eiaCategory: (['table', 'registration', 'report', 'pending'] as const)[i % 4]!,
    wasteStreams: '废气经碱洗+活性炭吸附后排放；废水送基地污水处理站；危险废物（废催化剂、精馏残渣）委托有资质单位处置。',
    plannedStart: start,
    plannedEnd: end,
  };
  return f;
}

/**
 * Every demo chemical, for the one larger pilot in the demo: more hazardous chemicals than a typical filing, so the
 * demo holds a certificate that continues on a second page (domain §8 "One page": only when the content needs it).
 */
export function demoAllChemicals(i: number): FilingFields['project']['chemicals'] {
  const rnd = seeded(100 + i);
  return CHEMICALS.map(([name, cas]) => ({
    name,
    cas,
    maxInProcessT: Math.round(rnd() * 20) / 10,
    maxStoredT: Math.round(rnd() * 80) / 10,
  }));
}

/** Sanity helper for tests: every demo CAS is checked, and this keeps casWithCheck in use for generating new ones. */
export const demoCas = (body: string) => casWithCheck(body);
