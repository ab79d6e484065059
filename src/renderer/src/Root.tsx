import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, makeTheme } from './theme';
import { SessionProvider } from './session';
import { App } from './App';
import { SignInAgain } from './components/SignInAgain';
import { ConnectionGate } from './connection/ConnectionGate';
import { useToastPlacement } from './components/use-toast-placement';

/** The providers, with a theme in the screen's language (close buttons of dialogs and toasts carry a name). */
export function Root() {
  const { t } = useTranslation();
  const closeLabel = t('a11y.close');
  const theme = useMemo(() => makeTheme(closeLabel), [closeLabel]);
  const toastPosition = useToastPlacement();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position={toastPosition} limit={4} />
      <ConnectionGate>
        <SessionProvider>
          <App />
          <SignInAgain />
        </SessionProvider>
      </ConnectionGate>
    </MantineProvider>
  );
}
