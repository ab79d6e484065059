import { Alert, Loader, Group, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connection } from '../api/client';

/**
 * The shell's calm word on the connection to the desk server: shown the moment it is lost (saying that unsaved text is
 * kept), while it reconnects by itself, and briefly once it is back and the screen reloaded. A status region, not a
 * toast: it stays as long as the condition does and is read out by screen readers without taking the focus.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useSyncExternalStore(connection.subscribe, connection.state);
  const shown = state.phase !== 'online';
  const back = state.phase === 'back';
  const text = back ? t('conn.back') : state.reason === 'database' ? t('conn.lostDatabase') : t('conn.lost');
  return (
    // The live region is always in the page (an empty one), so its first message is announced.
    <div
      role="status"
      aria-live="polite"
      className="connection-banner"
      data-testid="connection-status"
      data-phase={state.phase}
      // Below the fixed header, over the page as it scrolls.
      style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 150 }}
    >
      {shown && (
        <Alert color={back ? 'green' : 'yellow'} variant="light" p="xs" mb="sm" data-testid="connection-banner">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {!back && <Loader size={14} mt={3} color="yellow.8" aria-hidden />}
            <Text size="sm">{text}</Text>
          </Group>
        </Alert>
      )}
    </div>
  );
}
