import { useEffect } from 'react';
import { useQuery } from '../../hooks/use-call';
import { useLiveReload } from '../review/use-live';

/** The meeting, kept in step with every other window through 'meeting.changed'. */
export function useMeeting(meetingId: number) {
  const q = useQuery('meeting.get', Number.isInteger(meetingId) && meetingId > 0 ? { meetingId } : null);
  useLiveReload(['meeting.changed'], q.reload, (_e, p) => (p as { meetingId: number }).meetingId === meetingId);
  return q;
}

/** The filing on the shared screen and its review, reloaded when a decision lands (at the table or at a desk). */
export function useAgendaFiling(filingId: number | null) {
  const filing = useQuery('filing.get', filingId ? { id: filingId } : null);
  const review = useQuery('review.get', filingId ? { filingId } : null);
  useLiveReload(
    ['filing.changed'],
    () => Promise.all([filing.reload(), review.reload()]),
    (_e, p) => (p as { filingId: number }).filingId === filingId,
  );
  return {
    filing: filing.data?.id === filingId ? filing.data : null,
    review: review.data?.filingId === filingId ? review.data : null,
    reloadReview: review.reload,
    setReview: review.setData,
  };
}

/** Session screens are read from across the room: no page scrollbars, the page title names the session. */
export function useFullScreenPage(title: string) {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.title = before;
      document.body.style.overflow = overflow;
    };
  }, [title]);
}
