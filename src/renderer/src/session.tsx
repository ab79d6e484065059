import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../shared/contract';
import { call, onReadOnly } from './api/client';

type Status = Output<'auth.status'>;

interface SessionValue {
  status: Status | null;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({ status: null, refresh: async () => {} });

/** Who is signed in, and whether the desk is set up and healthy; asked of the main process, never assumed. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  const refresh = useCallback(async () => {
    const r = await call('auth.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    // The first status request is the whole point of mounting the provider.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);
  // The damaged-database screen also comes when the desk turns read-only while open (see main/db/integrity.ts).
  useEffect(() => onReadOnly(() => void refresh()), [refresh]);
  return <SessionContext.Provider value={{ status, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
export const useActor = () => useContext(SessionContext).status?.actor ?? null;
