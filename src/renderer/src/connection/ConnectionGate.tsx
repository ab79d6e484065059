import { useEffect, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { isElectron } from '../api/client';
import { ConnectionChoice } from './ConnectionChoice';
import { PinRefused } from './PinRefused';
import { shellCall, type ConnectionView, type Refusal } from './shell';

/**
 * Inside Electron, before the desk itself: the first-run choice (this computer only, or the district server) and the
 * refusal of a changed server certificate (issue 16, item 7). Browser mode has nothing to choose and passes through.
 */
export function ConnectionGate({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ConnectionView | 'loading' | 'browser'>(() => (isElectron() ? 'loading' : 'browser'));
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [again, setAgain] = useState(false);

  useEffect(() => {
    const bridge = window.desk;
    if (!bridge) return;
    void shellCall<ConnectionView>('shell.connection.state', {}).then((r) =>
      // A shell without the connection channel is a standalone desk as before.
      setView(r.ok ? r.value : { mode: 'standalone' }),
    );
    const offRefused = bridge.subscribe('connection.refused', (payload) => setRefused(payload as Refusal));
    // The menu's "Connection…": the same screen, over the desk, with a way back.
    const offSetup = bridge.subscribe('connection.setup', () => setAgain(true));
    return () => {
      offRefused();
      offSetup();
    };
  }, []);

  if (view === 'browser') return <>{children}</>;
  if (view === 'loading') {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const standalone = () => {
    setAgain(false);
    setView({ mode: 'standalone' });
  };
  if (view.mode === 'first-run') return <ConnectionChoice onStandalone={standalone} />;
  const refusal = refused ?? (view.mode === 'server' ? view.refused : undefined);
  const address = view.mode === 'server' ? view.address : '';
  const screen = refusal && <PinRefused address={address} refusal={refusal} onSetupAgain={() => setAgain(true)} />;
  const choice = again && (
    <ConnectionChoice current={view} onStandalone={standalone} onCancel={refusal ? undefined : () => setAgain(false)} />
  );
  // Refused at start: nothing of the desk is shown. Refused mid-work: the refusal covers the desk, which stays.
  if (view.mode === 'server' && view.refused && !refused) return choice || screen;
  return (
    <>
      {children}
      {choice || screen}
    </>
  );
}
