import { useState } from 'react';
import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title, Divider, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSession } from '../session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { usePasswordRule } from '../components/password-rule';
import { NewPasswordInput } from '../components/NewPasswordInput';

/** First start: the desk has no accounts yet, so the first person creates the administrator (or loads the demo). */
export function SetupPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [busy, setBusy] = useState<'setup' | 'demo' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: 'admin', displayName: '', password: '', confirm: '' } });
  const checkPassword = usePasswordRule(form);

  const submit = form.onSubmit(async (v) => {
    if (!(await checkPassword(v.password, v.username))) return;
    if (v.password !== v.confirm) return form.setFieldError('confirm', t('setup.mismatch'));
    setBusy('setup');
    const r = await call('auth.setup', { username: v.username, displayName: v.displayName, password: v.password });
    setBusy(null);
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {});
      setError(r.error.fields ? null : r.error.message);
      return;
    }
    await refresh();
  });

  const loadDemo = async () => {
    setBusy('demo');
    const r = await call('demo.load', {});
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    await refresh();
  };

  return (
    <Center h="100%">
      <Paper withBorder p="xl" w={440} shadow="xs">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3}>{t('setup.title')}</Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {t('setup.intro')}
            </Text>
            <TextInput label={t('field.username')} {...form.getInputProps('username')} autoFocus data-testid="setup-username" />
            <TextInput label={t('field.displayName')} {...form.getInputProps('displayName')} data-testid="setup-displayName" />
            <NewPasswordInput
              label={t('field.password')}
              form={form}
              username={form.values.username}
              check={checkPassword}
              data-testid="setup-password"
            />
            <PasswordInput label={t('field.confirmPassword')} {...form.getInputProps('confirm')} data-testid="setup-confirm" />
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy === 'setup'} disabled={busy !== null} data-testid="setup-submit">
              {t('setup.create')}
            </Button>
            <Divider label={t('setup.or')} />
            <Button variant="default" onClick={loadDemo} loading={busy === 'demo'} disabled={busy !== null} data-testid="setup-demo">
              {t('setup.demo')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('setup.demoHint')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
