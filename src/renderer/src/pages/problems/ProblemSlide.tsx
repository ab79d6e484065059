import { useTranslation } from 'react-i18next';
import type { ProblemView } from '../../../../shared/contract/problems-views';
import { addWorkingDays, officialCalendar, toIsoDate } from '../../../../shared/domain/calendar';
import { useQuery } from '../../hooks/use-call';
import { useLiveReload } from '../../components/review/use-live';
import { useProblemSettings } from './use-problem-settings';

/**
 * The problem under discussion as the room sees it on the joint session's board (SessionBoard's content): what the
 * firm asks on the left, the assignment made at the table on the right.
 */
export function ProblemSlide({ problem, meetingId }: { problem: ProblemView; meetingId: number }) {
  const { t, i18n } = useTranslation();
  const { dept, category } = useProblemSettings();
  // The assignment made at this meeting, as its minutes hold it (a later hand-over is the problem's own history).
  const a = problem.assignments.find((x) => x.meetingId === meetingId);
  const due = a ? addWorkingDays(officialCalendar, toIsoDate(new Date(a.from)), a.limitDays) : null;
  return (
    <>
      <div className="mt-head" data-testid="slide-problem" data-problem-id={problem.id} data-state={problem.state}>
        <div className="mt-filing-no">
          {t('pu.meeting.title')} · {problem.problemNo} · {t(`pr.state.${problem.state}`)}
        </div>
        <div className="mt-project" data-testid="slide-title">
          {problem.title}
        </div>
        <div className="mt-applicant">
          {problem.firmName} · {category(problem.category)}
        </div>
      </div>
      <div className="mt-body">
        <div style={{ minHeight: 0, overflow: 'hidden' }}>
          <h2 className="mt-section-title">{t('pm.request')}</h2>
          <div style={{ whiteSpace: 'pre-wrap' }}>{problem.request}</div>
        </div>
        <div style={{ minHeight: 0, overflow: 'hidden' }}>
          <h2 className="mt-section-title">{t('pu.meeting.title')}</h2>
          {!a ? (
            <div data-testid="slide-awaiting">{t('pm.awaiting')}</div>
          ) : (
            <dl className="mt-facts" data-testid="slide-assignment">
              <dt>{t('pm.lead')}</dt>
              <dd data-testid="slide-lead">{dept(a.lead)}</dd>
              <dt>{t('pm.cooperating')}</dt>
              <dd>{a.cooperating.length ? a.cooperating.map(dept).join(i18n.language === 'en' ? ', ' : '、') : '—'}</dd>
              <dt>{t('pm.due')}</dt>
              <dd className="tabular">{due}</dd>
              <dt>{t('pm.opinion')}</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{a.opinion}</dd>
            </dl>
          )}
        </div>
      </div>
    </>
  );
}

/** The problem at the shared screen's position of an assignment meeting (null for a joint-review session). */
export function useAgendaProblem(meetingId: number, position: number) {
  const agenda = useQuery('problem.meetingAgenda', { meetingId });
  const id = agenda.data?.[position]?.id ?? null;
  const problem = useQuery('problem.get', id ? { problemId: id } : null);
  // A dispatch at the table announces itself as a change of the meeting.
  useLiveReload(
    ['meeting.changed'],
    () => Promise.all([agenda.reload(), problem.reload()]),
    (_e, p) => (p as { meetingId: number }).meetingId === meetingId,
  );
  return { total: agenda.data?.length ?? 0, problem: problem.data?.id === id ? problem.data : null };
}
