/**
 * The notices a decision produces (domain §5): conditional acceptance (two copies), the one-time correction notice,
 * not accepted and rejected. Rendered on request from the decision as recorded; nothing here writes.
 */
import { renderStored } from '../../shared/i18n/stored';
import type { NoticeKind } from '../../shared/contract/certificates';
import type { Settings } from '../../shared/schemas/settings';
import { toIsoDate } from '../../shared/domain/calendar';
import type { Db } from '../db/connection';
import type { FilingRecord } from '../db/filings';
import { getTrackedItems } from '../db/tracked-items';
import { getDecisions, getRounds } from '../db/review';
import { renderConditionalNotice, renderCorrectionNotice, renderRefusalNotice } from '../pdf/notices';
import { isOpen } from '../../shared/domain/issuing';

interface Acceptance {
  decision: string;
  reason: string;
  corrections: string[];
  decidedAt: string;
}

export const CONSEQUENCE =
  '请你单位按上述期限补齐材料。逾期未补齐或者所补材料不符合要求的，本机关将依照承诺书约定终止审查；已登记备案的，依法暂停直至撤销登记备案。';

const TITLES: Record<NoticeKind, string> = {
  conditional: '容缺受理通知书',
  correction: '补正材料一次性告知书',
  notAccepted: '不予受理通知书',
  rejected: '不予通过通知书',
};

const acceptanceOf = (f: FilingRecord) => (f.acceptance as Acceptance | null) ?? null;

/** Which notices the filing's recorded decisions produce. */
export async function noticeKinds(db: Db, filing: FilingRecord): Promise<NoticeKind[]> {
  const a = acceptanceOf(filing);
  const kinds: NoticeKind[] = [];
  if (a?.decision === 'conditional') kinds.push('conditional');
  if (a?.decision === 'correction' && filing.state === 'correction_requested') kinds.push('correction');
  if (a?.decision === 'notAccepted') kinds.push('notAccepted');
  if (filing.state === 'rejected' && (await rejectingRound(db, filing.id))) kinds.push('rejected');
  return kinds;
}

async function rejectingRound(db: Db, filingId: number) {
  const rounds = await getRounds(db, filingId);
  return [...rounds].reverse().find((r) => r.outcome === 'rejected') ?? null;
}

export const noticeFilename = (filing: FilingRecord, kind: NoticeKind) => `${TITLES[kind]}-${filing.filingNo}.pdf`;

/** The notice's PDF, or null when the filing's decisions do not produce it. */
export async function renderNotice(db: Db, filing: FilingRecord, kind: NoticeKind, settings: Settings): Promise<Uint8Array | null> {
  if (!(await noticeKinds(db, filing)).includes(kind)) return null;
  const base = {
    filingNo: filing.filingNo,
    applicantName: filing.fields.applicant.name,
    projectName: filing.fields.project.name,
    issuer: settings.certificate.issuerZh,
  };
  const a = acceptanceOf(filing);
  if (kind === 'conditional') {
    const papers = (await getTrackedItems(db, filing.id)).filter((i) => i.kind === 'material' && i.state !== 'notApplied');
    // The open papers; once all are in, a re-print still shows what the acceptance asked for.
    const listed = papers.some(isOpen) ? papers.filter(isOpen) : papers;
    const items = listed.map((i) => {
      const type = settings.materialTypes.find((t) => t.code === i.materialCode);
      return { name: type?.nameZh ?? renderStored('zh-CN', i.text), form: type?.formZh || '—', dueDate: i.dueDate };
    });
    return renderConditionalNotice({ ...base, items, consequence: CONSEQUENCE, issueDate: toIsoDate(new Date(a!.decidedAt)) });
  }
  if (kind === 'correction') {
    const points = [...a!.corrections, ...(a!.reason ? [a!.reason] : [])];
    return renderCorrectionNotice({ ...base, points, issueDate: toIsoDate(new Date(a!.decidedAt)) });
  }
  if (kind === 'notAccepted')
    return renderRefusalNotice({
      ...base,
      kind,
      reasons: [a!.reason || '申请材料不符合受理条件'],
      issueDate: toIsoDate(new Date(a!.decidedAt)),
    });
  const round = (await rejectingRound(db, filing.id))!;
  const reasons = (await getDecisions(db, filing.id))
    .filter((d) => d.round === round.number && d.decision === 'reject')
    .map((d) => `${settings.units[d.section].nameZh}：${d.opinion}`);
  return renderRefusalNotice({ ...base, kind: 'rejected', reasons, issueDate: toIsoDate(new Date(round.closedAt ?? filing.updatedAt)) });
}
