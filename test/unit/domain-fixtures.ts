/** Shared fixtures for the domain tests: the shipped default Settings and one complete, valid filing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyFilingFields, filingFieldsSchema, type FilingFields } from '../../src/shared/schemas/filing';
import { settingsSchema, type Settings } from '../../src/shared/schemas/settings';
import type { MaterialStatus } from '../../src/shared/domain/acceptance';

export function defaultSettings(): Settings {
  const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../resources/defaults/settings.json'), 'utf8'));
  return settingsSchema.parse(raw);
}

export function completeFields(): FilingFields {
  const f = emptyFilingFields();
  f.applicant = {
    name: '滨海精细化工科技有限公司',
    creditCode: '91350100M000100Y43',
    legalRepresentative: '张伟',
    contactName: '李娜',
    contactMobile: '13800138000',
    address: '山东省滨海区化工大道 8 号',
    creditStatus: 'normal',
    creditCheckedOn: '2026-11-20',
  };
  Object.assign(f.project, {
    name: '新型催化加氢中试项目',
    parkId: 'binhai',
    baseId: 'binhai-pilot',
    bay: '3 号中试车间 B 跨',
    products: [{ name: '乙醇', cas: '64-17-5' }],
    routeSummary: '原料经催化加氢、精馏得到产品。',
    processes: [],
    exothermic: false,
    firstUseInChina: false,
    plannedStart: '2027-01-15',
    plannedEnd: '2028-01-14',
  });
  // The fixture must itself be a valid record, or the tests would prove nothing about real input.
  return filingFieldsSchema.parse(f);
}

/** Every material of the default Settings present, except those listed. */
export function materialsExcept(settings: Settings, missing: string[] = []): MaterialStatus[] {
  return settings.materialTypes.map((t) => ({ code: t.code, state: missing.includes(t.code) ? 'missing' : 'present' }));
}
