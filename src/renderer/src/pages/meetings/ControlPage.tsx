import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenMessage } from '../../components/meetings/ScreenMessage';
import type { ReviewView } from '../../../../shared/contract/review';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { useSettings } from '../../components/filing/use-settings';
import { unitName } from '../../components/review/labels';
import { SessionBoard } from '../../components/meetings/SessionBoard';
import { TableDecision } from '../../components/meetings/TableDecision';
import { openAudience } from '../../components/meetings/open-audience';
import { useAgendaFiling, useFullScreenPage, useMeeting } from '../../components/meetings/use-meeting';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * Session mode (`#/meetings/:id/control`), the host's full screen: → ← (PageDown PageUp) move along the agenda,
 * 1–5 open a unit's section to record its decision, Esc goes back. The position lives on the server so the audience
 * view follows it.
 */
export function ControlPage({ meetingId }: { meetingId: number }) {
  const { t, i18n } = useTranslation();
  const { data: meeting, error, setData } = useMeeting(meetingId);
  const settings = useSettings();
  const [position, setPosition] = useState<number | null>(null);
  const [open, setOpen] = useState<UnitCode | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [warn, setWarn] = useState(false);
  const pos = Math.min(position ?? meeting?.cursor ?? 0, Math.max((meeting?.agenda.length ?? 1) - 1, 0));
  const item = meeting?.agenda[pos] ?? null;
  const { filing, review, setReview } = useAgendaFiling(item?.filingId ?? null);
  const closed = meeting?.state === 'closed';
  useFullScreenPage(t('mt.session'));

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);

  const move = async (next: number, focus: UnitCode | null) => {
    setPosition(next);
    setOpen(focus);
    if (closed) return;
    const r = await call('meeting.setCursor', { meetingId, position: next, focusUnit: focus });
    if (r.ok) setData(r.value);
  };

  // A unit that was not invited cannot confirm at this table: say so at once rather than after a password.
  const openUnit = (unit: UnitCode) => {
    if (meeting && !meeting.units.includes(unit)) {
      setWarn(true);
      setToast(t('mt.unitNotInvited'));
    } else void move(pos, unit);
  };

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!meeting || open || typing(e.target)) return;
    const last = meeting.agenda.length - 1;
    if ((e.key === 'ArrowRight' || e.key === 'PageDown') && pos < last) void move(pos + 1, null);
    else if ((e.key === 'ArrowLeft' || e.key === 'PageUp') && pos > 0) void move(pos - 1, null);
    else if (/^[1-5]$/.test(e.key) && !closed) openUnit(UNIT_CODES[Number(e.key) - 1]!);
    else if (e.key === 'Escape') navigate(`/meetings/${meetingId}`);
    else return;
    e.preventDefault();
  });
  useEffect(() => {
    const on = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  if (error) return <ScreenMessage>{error.message}</ScreenMessage>;
  if (!meeting) return <ScreenMessage>…</ScreenMessage>;

  const recorded = (view: ReviewView, by: string) => {
    setReview(view);
    const d = view.sections.find((s) => s.section === open)?.current;
    setWarn(false);
    if (open && d)
      setToast(
        t('mt.recorded', {
          unit: unitName(settings, open, i18n.language, t(`unit.${open}`)),
          decision: t(`rv.decision.${d.decision}`),
          by,
        }),
      );
    void move(pos, null);
  };

  return (
    <SessionBoard
      view="control"
      meeting={meeting}
      position={pos}
      filing={filing}
      review={review}
      settings={settings}
      focusUnit={open}
      showKeys={!closed}
      barRight={
        <>
          {closed && <span data-testid="session-closed">{t('mt.closedBanner')}</span>}
          <button type="button" className="mt-action secondary" onClick={() => openAudience(meetingId)} data-testid="open-audience">
            {t('mt.openAudience')}
          </button>
        </>
      }
      footer={
        <>
          <SessionKeys next={pos < meeting.agenda.length - 1} previous={pos > 0} units={!closed && meeting.agenda.length > 0} />
          <span>
            {t('mt.col.host')}：{meeting.hostName}
          </span>
        </>
      }
    >
      {open && review && review.filingId === item?.filingId && (
        <TableDecision
          key={`${review.filingId}-${open}`}
          meeting={meeting}
          review={review}
          unit={open}
          settings={settings}
          onClose={() => void move(pos, null)}
          onRecorded={recorded}
        />
      )}
      {toast && (
        <div className={warn ? 'mt-toast warn' : 'mt-toast'} data-testid="session-toast" role="status">
          {toast}
        </div>
      )}
    </SessionBoard>
  );
}

/** The footer names only the keys that do something now: no "next" on the last item, no units once closed. */
function SessionKeys({ next, previous, units }: { next: boolean; previous: boolean; units: boolean }) {
  const { t } = useTranslation();
  const keys = [next && 'next', previous && 'previous', units && 'units', 'back'].filter((k): k is string => !!k);
  return (
    <span data-testid="session-keys" data-keys={keys.join(' ')} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1em' }}>
      {keys.map((k) => (
        <span key={k}>{t(`mt.key.${k}`)}</span>
      ))}
    </span>
  );
}
