import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenMessage } from '../../components/meetings/ScreenMessage';
import { useSettings } from '../../components/filing/use-settings';
import { unitName } from '../../components/review/labels';
import { SessionBoard } from '../../components/meetings/SessionBoard';
import { useAgendaFiling, useFullScreenPage, useMeeting } from '../../components/meetings/use-meeting';
import { ProblemSlide, useAgendaProblem } from '../problems/ProblemSlide';

/**
 * The audience view (`#/meetings/:id/audience`): the same board, following the host's position and open section
 * through 'meeting.changed'. Nothing here changes the record; F toggles full screen.
 */
export function AudiencePage({ meetingId }: { meetingId: number }) {
  const { t, i18n } = useTranslation();
  const { data: meeting, error } = useMeeting(meetingId);
  const settings = useSettings();
  const pos = meeting?.cursor ?? 0;
  const { filing, review } = useAgendaFiling(meeting?.agenda[pos]?.filingId ?? null);
  // An assignment meeting shows the problem at the host's position on the same board.
  const assignment = useAgendaProblem(meetingId, pos);
  useFullScreenPage(t('mt.session'));

  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'f') return;
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => undefined);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  if (error) return <ScreenMessage>{error.message}</ScreenMessage>;
  if (!meeting) return <ScreenMessage>{t('mt.waiting')}</ScreenMessage>;
  const focus = meeting.state === 'closed' ? null : meeting.focusUnit;
  return (
    <SessionBoard
      view="audience"
      meeting={meeting}
      position={pos}
      filing={filing}
      review={review}
      settings={settings}
      focusUnit={focus}
      agendaTotal={assignment.total || undefined}
      title={assignment.total ? t('pu.meeting.title') : undefined}
      content={assignment.problem ? <ProblemSlide problem={assignment.problem} meetingId={meetingId} /> : undefined}
      barRight={meeting.state === 'closed' ? <span>{t('mt.closedBanner')}</span> : null}
      footer={
        focus ? (
          <span data-testid="audience-recording" style={{ fontWeight: 700, color: '#92400e' }}>
            {t('mt.recording', { unit: unitName(settings, focus, i18n.language, t(`unit.${focus}`)) })}
          </span>
        ) : (
          <span>
            {t('mt.col.host')}：{meeting.hostName}
          </span>
        )
      }
    />
  );
}
