import type { Db, Trx } from '../db/connection';
import type { Settings } from '../../shared/schemas/settings';
import type { ReviewView } from '../../shared/contract/review';
import type { MeetingView } from '../../shared/contract/meetings';
import { translate } from '../../shared/i18n';
import { buildReviewView } from '../review/view';
import { renderMinutes, type MinutesData } from '../pdf/notices';
import { displayDate } from '../pdf/format';
import { toIsoDate } from '../../shared/domain/calendar';

/**
 * The minutes (会议纪要) are an official Chinese document: they are always written in Chinese, whatever the
 * host's screen language, from what the record holds at closing. A unit that did not confirm at the table is
 * shown as pending; it decides later from its own desk, and the filing's own record shows that decision.
 */
const zh = (key: string, params: Record<string, unknown> = {}) => translate('zh-CN', key, params);

function unitName(settings: Settings, unit: string): string {
  return settings.units[unit as keyof Settings['units']]?.nameZh ?? zh(`unit.${unit}`);
}

/** What happens next for one filing, from where its review stands at closing, plus the host's own note. */
export function nextSteps(review: ReviewView, settings: Settings, note: string): string {
  const pending = review.sections
    .filter((s) => s.inRound && !s.current && review.state === 'in_review')
    .map((s) => unitName(settings, s.section));
  const conditional = review.sections.some((s) => s.current?.decision === 'approveWithConditions');
  let text: string;
  switch (review.state) {
    case 'approved':
      text = zh(conditional ? 'mt.next.approvedWithConditions' : 'mt.next.approved', { days: settings.timeLimits.certificateDays });
      break;
    case 'rejected':
      text = zh('mt.next.rejected');
      break;
    case 'supplement_requested':
      text = zh('mt.next.supplement');
      break;
    default:
      text = pending.length ? zh('mt.next.pending', { units: pending.join('、') }) : zh('mt.next.inReview');
  }
  return note ? `${text}${note}` : text;
}

const clockTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * When the session was actually held (its start, and its end once closed) in the desk's time zone; the planned date
 * and time only while it has not started. A session planned for the 30th and held on the 29th says the 29th.
 */
export function heldWhen(m: Pick<MeetingView, 'date' | 'time' | 'startedAt' | 'closedAt'>): { date: string; time: string } {
  if (!m.startedAt) return { date: m.date, time: m.time };
  const start = new Date(m.startedAt);
  const end = m.closedAt ? new Date(m.closedAt) : null;
  const sameDay = end && toIsoDate(end) === toIsoDate(start);
  const until = end ? `至${sameDay ? '' : displayDate(toIsoDate(end)) + ' '}${clockTime.format(end)}` : '';
  return { date: toIsoDate(start), time: `${clockTime.format(start)}${until}` };
}

export async function minutesData(
  db: Db | Trx,
  meeting: MeetingView,
  settings: Settings,
  notes: Map<number, string>,
  issueDate: string,
): Promise<MinutesData> {
  const filings: MinutesData['filings'] = [];
  for (const item of meeting.agenda) {
    const review = await buildReviewView(db, item.filingId);
    const decisions: MinutesData['filings'][number]['decisions'] = [];
    const conditions: MinutesData['filings'][number]['conditions'] = [];
    for (const s of review.sections) {
      const d = s.current;
      if (!d) {
        if (s.inRound)
          decisions.push({
            unit: unitName(settings, s.section),
            decision: zh('mt.minutes.pending'),
            opinion: zh('mt.minutes.pendingOpinion'),
            by: '—',
          });
        continue;
      }
      const opinion = d.decision === 'notInvolved' ? d.notInvolvedReason : d.opinion;
      const via = zh(
        d.confirmedVia === 'session' && d.meetingId === meeting.id
          ? 'mt.minutes.viaSession'
          : d.confirmedVia === 'session'
            ? 'mt.minutes.viaOtherSession'
            : 'mt.minutes.viaDesk',
      );
      decisions.push({
        unit: unitName(settings, s.section),
        decision: zh(`rv.decision.${d.decision}`),
        opinion,
        by: `${d.decidedBy}（${via}）`,
      });
      for (const c of d.conditions)
        conditions.push({ text: c.text, unit: unitName(settings, c.verifyingUnit), dueDate: c.dueDate, blocks: c.blocks });
    }
    filings.push({
      filingNo: item.filingNo,
      projectName: item.projectName,
      applicantName: item.applicantName,
      decisions,
      conditions,
      nextSteps: nextSteps(review, settings, notes.get(item.filingId) ?? ''),
    });
  }
  const held = heldWhen(meeting);
  return {
    title: zh('mt.minutes.title'),
    date: held.date,
    time: held.time,
    place: meeting.place,
    host: meeting.hostName,
    attendance: meeting.attendance.map((a) => ({
      unit: unitName(settings, a.unit),
      people: a.attendees.length ? a.attendees.map((p) => p.displayName).join('、') : zh('mt.minutes.absent'),
    })),
    filings,
    issuer: settings.certificate.issuerZh,
    issueDate,
  };
}

export async function buildMinutesPdf(
  db: Db | Trx,
  meeting: MeetingView,
  settings: Settings,
  notes: Map<number, string>,
  issueDate: string,
): Promise<Uint8Array> {
  return renderMinutes(await minutesData(db, meeting, settings, notes, issueDate));
}
