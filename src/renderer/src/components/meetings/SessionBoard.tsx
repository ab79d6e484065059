import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../shared/contract/filings';
import type { MeetingView } from '../../../../shared/contract/meetings';
import type { ReviewView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { unitName } from '../review/labels';
import './session.css';

export interface BoardProps {
  view: 'control' | 'audience';
  meeting: MeetingView;
  position: number;
  filing: FilingView | null;
  review: ReviewView | null;
  settings: Settings | null;
  focusUnit: UnitCode | null;
  /** Control mode shows the 1–5 keys beside each unit. */
  showKeys?: boolean;
  barRight?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  /** An assignment meeting's agenda is problems: their count, and the current one in place of the filing. */
  agendaTotal?: number;
  content?: ReactNode;
  /** The bar's title (an assignment meeting names itself); the joint session's by default. */
  title?: string;
}

const quantity = (n: number | null) => (n === null ? '—' : String(n));

/** The current filing as the room sees it: what it is, what is missing, and where each unit stands. */
export function SessionBoard(props: BoardProps) {
  const { view, meeting, position, filing, review, settings, focusUnit, showKeys, barRight, footer, children, content } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const item = meeting.agenda[position] ?? null;
  const when = `${meeting.date} ${meeting.time}`;
  const total = props.agendaTotal ?? meeting.agenda.length;
  return (
    <div
      className="mt-screen"
      data-testid="session-screen"
      data-view={view}
      data-position={position}
      data-filing-id={item?.filingId ?? ''}
      data-focus={focusUnit ?? ''}
    >
      <div className="mt-bar">
        <span>
          <strong>{props.title ?? t('mt.session')}</strong> · {when} · {meeting.place}
        </span>
        <span style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '0 calc(var(--b) * 0.8)' }}>
          {total > 0 && <span data-testid="session-position">{t('mt.position', { n: position + 1, total })}</span>}
          {barRight}
        </span>
      </div>
      {content ? (
        content
      ) : !item ? (
        <div className="mt-center">{t('mt.noAgenda')}</div>
      ) : (
        <>
          <div className="mt-head">
            <div className="mt-filing-no" data-testid="session-filing-no">
              {item.filingNo} · {t(`state.${review?.state ?? item.state}`)}
              {review?.currentRound ? ` · ${t('rv.roundN', { n: review.currentRound })}` : ''}
            </div>
            <div className="mt-project" data-testid="session-project">
              {item.projectName}
            </div>
            <div className="mt-applicant">
              {t('mt.applicant')}：{item.applicantName}
            </div>
          </div>
          <div className="mt-body">
            <div className="mt-summary-panel" data-testid="session-summary-panel" tabIndex={-1}>
              {filing ? <Summary filing={filing} settings={settings} lang={lang} /> : null}
            </div>
            <div className="mt-tally-panel" data-testid="session-tally-panel">
              {review ? (
                <Tally meeting={meeting} review={review} settings={settings} lang={lang} focusUnit={focusUnit} showKeys={showKeys} />
              ) : (
                <h2 className="mt-section-title">{t('mt.tally')}</h2>
              )}
            </div>
          </div>
        </>
      )}
      {footer && <div className="mt-foot">{footer}</div>}
      {children}
    </div>
  );
}

function Summary({ filing, settings, lang }: { filing: FilingView; settings: Settings | null; lang: string }) {
  const { t } = useTranslation();
  const p = filing.fields.project;
  const park = settings?.parks.find((x) => x.id === p.parkId);
  const base = park?.bases.find((b) => b.id === p.baseId);
  const name = (x: { nameZh: string; nameEn: string } | undefined) => (x ? (lang === 'en' ? x.nameEn : x.nameZh) : '—');
  // A missing paper whose tracked item was verified and closed (销号) has been supplied.
  const items = filing.trackedItems.filter((i) => i.kind === 'material');
  const closed = new Set(items.filter((i) => i.state === 'closed').map((i) => i.materialCode));
  const missing = filing.materials.filter((m) => m.applicable && m.state === 'missing' && !closed.has(m.code));
  const due = new Map(items.filter((i) => i.state === 'open' || i.state === 'supplied').map((i) => [i.materialCode, i.dueDate]));
  const material = (code: string) => settings?.materialTypes.find((m) => m.code === code);
  return (
    <>
      <h2 className="mt-section-title">{t('mt.summary')}</h2>
      <dl className="mt-facts" data-testid="session-summary">
        <dt>{t('mt.park')}</dt>
        <dd>
          {name(park)} · {name(base)}
        </dd>
        <dt>{t('mt.processes')}</dt>
        <dd>{p.processes.length ? p.processes.join('、') : t('mt.none')}</dd>
        <dt>{t('mt.scale')}</dt>
        <dd>
          {t('mt.scaleText', { batch: quantity(p.batchKg), throughput: quantity(p.throughputTpa), reactor: quantity(p.largestReactorM3) })}
        </dd>
        <dt>{t('mt.runPeriod')}</dt>
        <dd className="tabular">
          {p.plannedStart || '—'} — {p.plannedEnd || '—'}
        </dd>
      </dl>
      <h2 className="mt-section-title">{t('mt.materials')}</h2>
      {missing.length === 0 ? (
        <div className="mt-ok" data-testid="session-materials-complete">
          {t('mt.materialsComplete')}
        </div>
      ) : (
        <>
          <div style={{ fontWeight: 700, color: '#9a3412', marginBottom: 4 }}>{t('mt.materialsMissing', { n: missing.length })}</div>
          <ul className="mt-missing" data-testid="session-materials-missing">
            {missing.map((m) => {
              const type = material(m.code);
              return (
                <li key={m.code} data-code={m.code}>
                  <span>
                    {type?.no ? `${type.no}. ` : ''}
                    {type ? (lang === 'en' ? type.nameEn : type.nameZh) : m.code}
                  </span>
                  {due.get(m.code) && <span className="due">{t('mt.dueBy', { date: due.get(m.code) })}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

interface TallyProps {
  meeting: MeetingView;
  review: ReviewView;
  settings: Settings | null;
  lang: string;
  focusUnit: UnitCode | null;
  showKeys?: boolean;
}

/** One row per unit: its decision in the current round (or pending), who signed it and how, its checklist result. */
function Tally({ meeting, review, settings, lang, focusUnit, showKeys }: TallyProps) {
  const { t } = useTranslation();
  const counts = { decided: 0, pending: 0 };
  const rows = UNIT_CODES.map((unit, i) => {
    const section = review.sections.find((s) => s.section === unit);
    // The view already narrows `current` to this round for units deciding in it; earlier rounds' decisions stand.
    const d = section?.current ?? null;
    const inRound = section?.inRound ?? false;
    const decided = d !== null && !d.stale;
    if (decided) counts.decided++;
    else if (inRound) counts.pending++;
    const invited = meeting.units.includes(unit);
    const absent = invited && (meeting.attendance.find((a) => a.unit === unit)?.attendees.length ?? 0) === 0;
    const checks = d
      ? {
          pass: d.checklist.filter((c) => c.result === 'pass').length,
          fail: d.checklist.filter((c) => c.result === 'fail').length,
          na: d.checklist.filter((c) => c.result === 'na').length,
        }
      : null;
    return (
      <tr
        key={unit}
        className={focusUnit === unit ? 'focus' : undefined}
        data-testid={`tally-${unit}`}
        data-decision={decided ? d!.decision : 'pending'}
        data-via={decided ? d!.confirmedVia : ''}
        data-invited={invited}
      >
        <td className="mt-unit">
          {showKeys && (
            <span className={invited ? 'mt-key' : 'mt-key off'} aria-disabled={!invited || undefined}>
              {i + 1}
            </span>
          )}
          {unitName(settings, unit, lang, t(`unit.${unit}`))}
        </td>
        <td className="mt-verdict">
          {decided ? (
            <>
              <span className={`mt-decision ${d!.decision}`}>{t(`rv.decision.${d!.decision}`)}</span>
              <div className="mt-by" data-testid={`tally-${unit}-by`}>
                {d!.decidedBy} · {t(d!.confirmedVia === 'session' ? 'mt.viaSession' : 'mt.viaDesk')}
              </div>
            </>
          ) : inRound ? (
            <span className="mt-decision pending">{d?.stale ? t('mt.stale') : t('mt.pending')}</span>
          ) : (
            <span className="mt-by">{t('mt.notInRound')}</span>
          )}
        </td>
        <td className="mt-by">
          {decided ? (
            <>
              {checks && d!.checklist.length > 0 && <span className="mt-nobreak">{t('mt.checklist', checks)}</span>}
              {checks && d!.checklist.length > 0 && d!.conditions.length > 0 && ' · '}
              {d!.conditions.length > 0 && <span className="mt-nobreak">{`${t('rv.conditions')}：${d!.conditions.length}`}</span>}
            </>
          ) : inRound && absent ? (
            t('mt.absentPending')
          ) : null}
          {!invited && showKeys && (
            <div className="mt-not-invited" data-testid={`tally-${unit}-not-invited`}>
              {t('mt.notInvitedShort')}
            </div>
          )}
        </td>
      </tr>
    );
  });
  return (
    <>
      <h2 className="mt-section-title mt-tally-title">
        <span>{t('mt.tally')}</span>
        <span className="mt-counts" data-testid="session-counts">
          <span>
            {t('mt.decided')}：<b data-testid="count-decided">{counts.decided}</b>
          </span>
          <span>
            {t('mt.pending')}：<b data-testid="count-pending">{counts.pending}</b>
          </span>
        </span>
      </h2>
      <table className="mt-tally" data-testid="session-tally">
        <tbody>{rows}</tbody>
      </table>
    </>
  );
}
