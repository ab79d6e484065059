import { useState } from 'react';
import { Alert, Button, Center, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Fingerprint } from './Fingerprint';
import { shellCall, type ConnectionView } from './shell';

type Step = { kind: 'choose' } | { kind: 'confirm'; address: string; fingerprint: string } | { kind: 'restarting' };

/**
 * First run (and after a refused certificate): this computer only, or the district server at an address. A server
 * is taken only after its certificate's fingerprint is shown and the user says it matches the administrator's.
 */
export function ConnectionChoice({
  current,
  onStandalone,
  onCancel,
}: {
  /** Opened from the menu: the mode in use, preselected. */
  current?: ConnectionView;
  onStandalone: () => void;
  /** Opened over the desk: back to it without changing anything. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'standalone' | 'server'>(current?.mode === 'server' ? 'server' : 'standalone');
  const [address, setAddress] = useState(current?.mode === 'server' ? current.address : '');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (input: unknown) => {
    setBusy(true);
    setError(null);
    const r = await shellCall<{ restart: boolean }>('shell.connection.choose', input);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (r.value.restart) setStep({ kind: 'restarting' });
    else onStandalone();
  };

  const next = async () => {
    if (mode === 'standalone') return choose({ mode: 'standalone' });
    setBusy(true);
    setError(null);
    const r = await shellCall<{ address: string; fingerprint: string }>('shell.connection.probe', { address });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setStep({ kind: 'confirm', ...r.value });
  };

  return (
    <Center
      h="100%"
      p="md"
      // Over the desk when opened from the menu, so what the window shows stays behind it.
      style={
        onCancel || current
          ? { position: 'fixed', inset: 0, zIndex: 400, overflowY: 'auto', background: 'var(--mantine-color-body)' }
          : undefined
      }
    >
      <Paper withBorder p="xl" w={640} shadow="xs" data-testid="connection-choice">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={3}>{step.kind === 'confirm' ? t('remote.fingerprintTitle') : t('remote.title')}</Title>
            <LanguageSwitch />
          </Group>
          {step.kind === 'choose' && (
            <Radio.Group value={mode} onChange={(v) => setMode(v as typeof mode)}>
              <Stack gap="sm">
                <Radio.Card value="standalone" p="md" radius="md" data-testid="connection-standalone">
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600}>{t('remote.standalone')}</Text>
                      <Text size="sm" c="dimmed">
                        {t('remote.standaloneHint')}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
                <Radio.Card value="server" p="md" radius="md" data-testid="connection-server">
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600}>{t('remote.server')}</Text>
                      <Text size="sm" c="dimmed">
                        {t('remote.serverHint')}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              </Stack>
            </Radio.Group>
          )}
          {step.kind === 'choose' && mode === 'server' && (
            <TextInput
              label={t('remote.address')}
              placeholder="desk.example.gov.cn:8443"
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              data-testid="connection-address"
              autoFocus
            />
          )}
          {step.kind === 'confirm' && (
            <>
              <Text size="sm">{step.address}</Text>
              <Fingerprint value={step.fingerprint} testId="connection-fingerprint" />
              <Text size="sm">{t('remote.fingerprintHint')}</Text>
            </>
          )}
          {step.kind === 'restarting' && <Text>{t('remote.restarting')}</Text>}
          {error && (
            <Alert color="red" variant="light" data-testid="connection-error">
              {error}
            </Alert>
          )}
          {step.kind === 'choose' && (
            <Group justify="flex-end">
              {onCancel && (
                <Button variant="default" onClick={onCancel} data-testid="connection-cancel">
                  {t('remote.cancel')}
                </Button>
              )}
              <Button onClick={next} loading={busy} disabled={mode === 'server' && !address.trim()} data-testid="connection-next">
                {mode === 'server' ? t('remote.check') : t('remote.useStandalone')}
              </Button>
            </Group>
          )}
          {step.kind === 'confirm' && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStep({ kind: 'choose' })} disabled={busy}>
                {t('remote.back')}
              </Button>
              <Button
                onClick={() => choose({ mode: 'server', address: step.address, fingerprint: step.fingerprint })}
                loading={busy}
                data-testid="connection-confirm"
              >
                {t('remote.confirm')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
