/**
 * The registered record (domain §8): everything printed on a certificate, gathered from the filing, the review and
 * the open tracked items at the moment of issue, then frozen as canonical JSON whose hash the signature covers.
 */
import type { CertificateDoc } from '../pdf/certificate';
import { DEFAULT_PROHIBITIONS } from '../pdf/certificate';
import type { FilingRecord } from '../db/filings';
import type { DecisionRecord } from '../db/review';
import type { TrackedItem } from '../../shared/contract/filings';
import type { Settings } from '../../shared/schemas/settings';
import { canonicalJson } from '../../shared/domain/staleness';
import { UNIT_CODES } from '../../shared/domain/units';
import { translate } from '../../shared/i18n';
import { renderStored } from '../../shared/i18n/stored';
import { lastDecision } from '../review/state';
import { DEFAULT_NUMBER_PATTERN, formatCertificateNumber } from '../../shared/domain/certificate-number';
import { isOpen } from '../../shared/domain/issuing';
import { isProvisionalDate } from '../../shared/domain/deadline';

export const CERTIFICATE_TITLE = '化工中试项目登记备案证明';
export const HOLD_PROHIBITION = '上述待落实事项完成并经核查销号前，不得开展试运行';

/** The certificate's printed facts; `v` versions the shape so an old record still hashes the same. */
export interface RegisteredRecord extends Omit<CertificateDoc, 'qrText' | 'verificationCode' | 'auditHead'> {
  v: 1;
  filingNo: string;
}

const KIND_ZH: Record<string, string> = { material: '容缺材料', notice: '告知事项', hold: '限制试运行', lock: '暂缓登记' };

export function certificateNumber(settings: Pick<Settings, 'certificate'>, year: number, seq: number): string {
  const { prefix, numberPattern } = settings.certificate;
  return formatCertificateNumber(numberPattern ?? DEFAULT_NUMBER_PATTERN, { prefix, year, seq });
}

export interface RecordInput {
  number: string;
  filing: FilingRecord;
  decisions: DecisionRecord[];
  trackedItems: TrackedItem[];
  settings: Settings;
  issueDate: string;
  replaces: string | null;
  extensionTo: string | null;
}

export function buildRecord(a: RecordInput): RegisteredRecord {
  const { fields } = a.filing;
  const p = fields.project;
  const park = a.settings.parks.find((x) => x.id === p.parkId);
  const base = park?.bases.find((b) => b.id === p.baseId);
  const unitName = (u: string) => a.settings.units[u as keyof Settings['units']]?.nameZh ?? u;
  const conclusions = UNIT_CODES.flatMap((u) => {
    const d = lastDecision(a.decisions, u);
    if (!d) return [];
    const opinion = d.decision === 'notInvolved' ? d.notInvolvedReason : d.opinion;
    return [{ unitName: unitName(u), decision: translate('zh-CN', `rv.decision.${d.decision}`), opinion }];
  });
  const open = a.trackedItems.filter(isOpen).sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.id - y.id);
  const openItems = open.map((i) => ({
    text: renderStored('zh-CN', i.text),
    verifyingUnit: unitName(i.verifyingUnit),
    dueDate: i.dueDate,
    kind: KIND_ZH[i.kind === 'material' ? 'material' : i.blocks] ?? i.blocks,
    // Fixed in the record when it is issued (the file renders from the record alone, byte for byte, also after the
    // year's notice is published); absent, not false, so records issued before this mark read and hash as they did.
    ...(isProvisionalDate(i.dueDate) ? { provisional: true as const } : {}),
  }));
  const holds = open.some((i) => i.kind === 'material' || i.blocks !== 'notice');
  return {
    v: 1,
    number: a.number,
    filingNo: a.filing.filingNo,
    titleZh: CERTIFICATE_TITLE,
    projectName: p.name,
    applicantName: fields.applicant.name,
    creditCode: fields.applicant.creditCode,
    legalRepresentative: fields.applicant.legalRepresentative,
    parkName: park?.nameZh ?? p.parkId,
    baseName: base?.nameZh ?? p.baseId,
    bay: p.bay,
    products: p.products.map((x) => ({ name: x.name, cas: x.cas })),
    routeSummary: p.routeSummary,
    processes: [...p.processes],
    chemicals: p.chemicals.map((x) => ({ name: x.name, cas: x.cas, maxInProcessT: x.maxInProcessT, maxStoredT: x.maxStoredT })),
    scale: { batchKg: p.batchKg, throughputTpa: p.throughputTpa, largestReactorM3: p.largestReactorM3 },
    runFrom: p.plannedStart,
    runTo: p.plannedEnd,
    extension: a.extensionTo ? { to: a.extensionTo } : null,
    conclusions,
    openItems,
    prohibitions: holds ? [...DEFAULT_PROHIBITIONS, HOLD_PROHIBITION] : [...DEFAULT_PROHIBITIONS],
    issuer: a.settings.certificate.issuerZh,
    issueDate: a.issueDate,
    replaces: a.replaces,
  };
}

/** The exact text that is hashed and stored. */
export const canonicalRecord = (record: RegisteredRecord): string => canonicalJson(record);

export function parseRecord(json: string): RegisteredRecord {
  return JSON.parse(json) as RegisteredRecord;
}

export function certificateDoc(
  record: RegisteredRecord,
  signed: { qrText: string; verificationCode: string },
  auditHead: string,
): CertificateDoc {
  const { v: _v, filingNo: _filingNo, ...printed } = record;
  return { ...printed, qrText: signed.qrText, verificationCode: signed.verificationCode, auditHead };
}
