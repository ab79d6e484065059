/**
 * The notices a decision produces (domain §5, §6): conditional acceptance (two copies), the one-time correction
 * notice, not accepted, the one-time supplement notice of a review round that ended in revise, and rejected. Each
 * decision that produces one is an occasion; the notice is rendered from the decision as recorded. Storing it is
 * notice-store.ts's work; nothing here writes.
 */
import { renderStored } from '../../shared/i18n/stored';
import type { NoticeKind } from '../../shared/contract/certificates';
import type { Settings } from '../../shared/schemas/settings';
import { toIsoDate } from '../../shared/domain/calendar';
import type { Db } from '../db/connection';
import type { FilingRecord } from '../db/filings';
import { getTrackedItems } from '../db/tracked-items';
import { getDecisions, getRounds, type RoundRecord } from '../db/review';
import { renderConditionalNotice, renderCorrectionNotice, renderRefusalNotice, renderSupplementNotice } from '../pdf/notices';
import { isOpen } from '../../shared/domain/issuing';
import { withNotes } from '../review/state';
import { isProvisionalDate } from '../../shared/domain/deadline';

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
  supplement: '一次性补正告知书',
};

/** A decision that produces a notice: the acceptance decision (by its time) or a closed review round (by number). */
export interface NoticeOccasion {
  kind: NoticeKind;
  occasion: string;
  decidedAt: string;
  round: number | null;
}

const acceptanceOf = (f: FilingRecord) => (f.acceptance as Acceptance | null) ?? null;
const ACCEPTANCE_NOTICES: readonly string[] = ['conditional', 'correction', 'notAccepted'];

/** Every notice the filing's recorded decisions produce, oldest decision first (`rounds`: the filing's, when already read). */
export async function noticeOccasions(db: Db, filing: FilingRecord, rounds?: RoundRecord[]): Promise<NoticeOccasion[]> {
  const out: NoticeOccasion[] = [];
  const a = acceptanceOf(filing);
  if (a && ACCEPTANCE_NOTICES.includes(a.decision))
    out.push({ kind: a.decision as NoticeKind, occasion: `acceptance:${a.decidedAt}`, decidedAt: a.decidedAt, round: null });
  for (const r of rounds ?? (await getRounds(db, filing.id))) {
    const kind = r.outcome === 'rejected' ? 'rejected' : r.outcome === 'supplementRequested' ? 'supplement' : null;
    if (kind && r.closedAt) out.push({ kind, occasion: `round:${r.number}`, decidedAt: r.closedAt, round: r.number });
  }
  return out;
}

export const noticeFilename = (filing: FilingRecord, o: Pick<NoticeOccasion, 'kind' | 'round'>) =>
  `${TITLES[o.kind]}-${filing.filingNo}${o.kind === 'supplement' ? `-第${o.round}轮` : ''}.pdf`;

/** The notice of one occasion, as its decision was recorded. */
export async function renderNotice(db: Db, filing: FilingRecord, o: NoticeOccasion, settings: Settings): Promise<Uint8Array> {
  const base = {
    filingNo: filing.filingNo,
    applicantName: filing.fields.applicant.name,
    projectName: filing.fields.project.name,
    issuer: settings.certificate.issuerZh,
    issueDate: toIsoDate(new Date(o.decidedAt)),
  };
  const a = acceptanceOf(filing)!;
  if (o.kind === 'conditional') {
    const papers = (await getTrackedItems(db, filing.id)).filter((i) => i.kind === 'material' && i.state !== 'notApplied');
    // The open papers; once all are in, a re-print still shows what the acceptance asked for.
    const listed = papers.some(isOpen) ? papers.filter(isOpen) : papers;
    const items = listed.map((i) => {
      const type = settings.materialTypes.find((t) => t.code === i.materialCode);
      return {
        name: type?.nameZh ?? renderStored('zh-CN', i.text),
        form: type?.formZh || '—',
        dueDate: i.dueDate,
        provisional: isProvisionalDate(i.dueDate),
      };
    });
    return renderConditionalNotice({ ...base, items, consequence: CONSEQUENCE });
  }
  if (o.kind === 'correction') return renderCorrectionNotice({ ...base, points: [...a.corrections, ...(a.reason ? [a.reason] : [])] });
  if (o.kind === 'notAccepted')
    return renderRefusalNotice({ ...base, kind: 'notAccepted', reasons: [a.reason || '申请材料不符合受理条件'] });
  const round = (await getRounds(db, filing.id)).find((r) => r.number === o.round)!;
  if (o.kind === 'supplement')
    return renderSupplementNotice({ ...base, round: round.number, units: await supplementUnits(db, round, settings) });
  const reasons = (await getDecisions(db, filing.id))
    .filter((d) => d.round === round.number && d.decision === 'reject')
    .map((d) => `${settings.units[d.section].nameZh}：${d.opinion}`);
  return renderRefusalNotice({ ...base, kind: 'rejected', reasons });
}

/** What each unit asked for in the round: its opinion and every failed checklist item with the reviewer's note. */
async function supplementUnits(db: Db, round: RoundRecord, settings: Settings) {
  const request = withNotes(round.supplementRequest ?? [], await getDecisions(db, round.filingId), round);
  return request.map((r) => ({
    unit: settings.units[r.section].nameZh,
    opinion: r.opinion,
    items: r.failedItems.map((code) => ({
      text: settings.checklists[r.section].find((c) => c.code === code)?.textZh ?? code,
      note: r.notes[code] ?? '',
    })),
  }));
}
