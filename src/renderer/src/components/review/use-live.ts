import { useEffect, useEffectEvent } from 'react';
import type { DeskEvent, DeskEvents } from '../../../../shared/contract';
import { onReconnected, subscribe } from '../../api/client';

/**
 * Reloads when any of `events` arrives and `relevant` says it concerns us. A burst of events
 * (one decision changes the filing and several inboxes) becomes one reload shortly after the last.
 */
export function useLiveReload(
  events: DeskEvent[],
  reload: () => unknown,
  relevant: (event: DeskEvent, payload: DeskEvents[DeskEvent]) => boolean = () => true,
): void {
  const onEvent = useEffectEvent((event: DeskEvent, payload: DeskEvents[DeskEvent]) => relevant(event, payload));
  const doReload = useEffectEvent(() => void reload());
  const key = events.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offs = key.split(',').map((event) =>
      subscribe(event as DeskEvent, (payload) => {
        if (!onEvent(event as DeskEvent, payload)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(doReload, 150);
      }),
    );
    // Events sent while the desk was out of reach are lost: once it answers again, reload regardless.
    offs.push(onReconnected(() => doReload()));
    return () => {
      if (timer) clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [key]);
}
