import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onUnauthenticated, reloadEverything } from '../api/client';
import { useSession } from '../session';

/**
 * The session ended under an open screen (expired, signed out elsewhere, the account disabled or its password reset):
 * a sign-in dialog over the screen instead of the sign-in page in its place, so the screen and every form on it stay
 * mounted with what was typed (kept in memory only, never on disk). Signed in again, the screen reloads its data and
 * the form can be sent; "someone else" gives up the screen for the ordinary sign-in page.
 */
export function SignInAgain() {
  const actor = useSession().status?.actor ?? null;
  // One prompt per signed-in spell: signing out unmounts it, so nothing of an earlier session's end carries over.
  return actor ? <Prompt key={`${actor.id}`} username={actor.username} /> : null;
}

function Prompt({ username }: { username: string }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onUnauthenticated(() => setOpen(true)), []);

  const signIn = async () => {
    setBusy(true);
    const r = await call('auth.login', { username, password });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setPassword('');
    setError(null);
    setOpen(false);
    await refresh();
    await reloadEverything();
  };
  const someoneElse = async () => {
    setOpen(false);
    await refresh();
  };

  return (
    <Modal
      opened={open}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('conn.expiredTitle')}
      data-testid="sign-in-again"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void signIn();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('conn.expiredIntro')}</Text>
          <TextInput label={t('field.username')} value={username} readOnly autoComplete="username" />
          <PasswordInput
            label={t('field.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            data-autofocus
            data-testid="sign-in-again-password"
          />
          {error && (
            <Alert color="red" p="xs" data-testid="sign-in-again-error">
              {error}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void someoneElse()} data-testid="sign-in-again-other">
              {t('conn.otherUser')}
            </Button>
            <Button type="submit" loading={busy} data-testid="sign-in-again-submit">
              {t('conn.signIn')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
