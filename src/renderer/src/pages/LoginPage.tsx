import { useState } from 'react';
import { Alert, Button, Center, Code, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { contract } from '../../../shared/contract';
import { zodValidate } from '../hooks/zod-form';
import { useSession } from '../session';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' }, validate: zodValidate(contract['auth.login'].input, t) });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    const r = await call('auth.login', v);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      form.setFieldError('password', r.error.fields?.password ?? r.error.message);
      return;
    }
    await refresh();
  });

  return (
    <Center h="100%">
      <Paper withBorder p="xl" w={400} shadow="xs">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3}>{t('app.title')}</Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <TextInput
              label={t('field.username')}
              {...form.getInputProps('username')}
              autoFocus
              autoComplete="username"
              data-testid="login-username"
            />
            <PasswordInput
              label={t('field.password')}
              {...form.getInputProps('password')}
              autoComplete="current-password"
              data-testid="login-password"
            />
            <Button type="submit" loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
            {error && !form.errors.password && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            {status?.demoLoaded && (
              <Alert variant="light" color="yellow" title={t('login.demoTitle')}>
                <Text size="xs">{t('login.demoAccounts')}</Text>
                <Code block mt={4}>
                  admin · clerk · yj · hb · gh · sp · yq · observer{'\n'}
                  {t('field.password')}: demo-2026-desk
                </Code>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
