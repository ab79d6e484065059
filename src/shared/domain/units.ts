/** The five reviewing units (domain §2). Codes are fixed; display names live in Settings. */
export const UNIT_CODES = ['yj', 'hb', 'gh', 'sp', 'yq'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

export const ROLES = ['admin', 'clerk', 'reviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The national list of 18 key-regulated hazardous processes (domain §4), in official order. */
export const HAZARDOUS_PROCESSES = [
  '光气及光气化',
  '电解(氯碱)',
  '氯化',
  '硝化',
  '合成氨',
  '裂解(裂化)',
  '氟化',
  '加氢',
  '重氮化',
  '氧化',
  '过氧化',
  '胺基化',
  '磺化',
  '聚合',
  '烷基化',
  '新型煤化工',
  '电石生产',
  '偶氮化',
] as const;
export type HazardousProcess = (typeof HAZARDOUS_PROCESSES)[number];

/** Parties shown as lanes on the trajectory map (domain §10). */
export const PARTIES = ['applicant', 'desk', ...UNIT_CODES] as const;
export type Party = (typeof PARTIES)[number];
