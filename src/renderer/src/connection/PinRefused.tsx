import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Fingerprint } from './Fingerprint';
import type { Refusal } from './shell';

/**
 * The server showed another certificate than the one confirmed: nothing is sent to it. Both fingerprints, what it
 * may mean and what to do. Shown over the app when it happens mid-work, so the window's unsaved text stays behind it.
 */
export function PinRefused({ address, refusal, onSetupAgain }: { address: string; refusal: Refusal; onSetupAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Center
      h="100%"
      p="md"
      data-testid="connection-refused"
      style={{ position: 'fixed', inset: 0, zIndex: 400, overflowY: 'auto', background: 'var(--mantine-color-body)' }}
    >
      <Paper withBorder p="xl" w={680} shadow="xs">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={3} c="red.8">
              {t('remote.refusedTitle')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Alert color="red" variant="light">
            <Text size="sm">{t('remote.refusedBody', { address })}</Text>
          </Alert>
          <Text size="sm" fw={600}>
            {t('remote.expected')}
          </Text>
          <Fingerprint value={refusal.expected} testId="refused-expected" />
          <Text size="sm" fw={600}>
            {t('remote.actual')}
          </Text>
          <Fingerprint value={refusal.actual} testId="refused-actual" />
          <Text size="sm">{t('remote.refusedWhat')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onSetupAgain} data-testid="connection-setup-again">
              {t('remote.setupAgain')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
