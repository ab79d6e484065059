import { useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { usePasswordRule } from './password-rule';
import { NewPasswordInput } from './NewPasswordInput';

/** One's own password, from the header: the desk's rule beside the field first, then the current password checked. */
export function ChangePasswordButton({ username }: { username: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { current: '', next: '', confirm: '' } });
  const checkPassword = usePasswordRule(form, 'next');
  const close = () => {
    form.reset();
    setError(null);
    setOpened(false);
  };
  const submit = form.onSubmit(async (v) => {
    setError(null);
    if (!(await checkPassword(v.next, username))) return;
    if (v.next !== v.confirm) return form.setFieldError('confirm', t('setup.mismatch'));
    setBusy(true);
    const r = await call('auth.changePassword', { current: v.current, next: v.next });
    setBusy(false);
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {});
      if (!r.error.fields) setError(r.error.message);
      return;
    }
    close();
    notifications.show({ color: 'green', message: t('shell.passwordChanged') });
  });
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpened(true)} visibleFrom="sm" data-testid="change-password">
        {t('shell.changePassword')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('shell.changePassword')} size="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('shell.currentPassword')}
              autoComplete="current-password"
              data-autofocus
              data-testid="password-current"
              {...form.getInputProps('current')}
            />
            <NewPasswordInput
              label={t('admin.accounts.newPassword')}
              form={form}
              path="next"
              username={username}
              check={checkPassword}
              data-testid="password-next"
            />
            <PasswordInput
              label={t('field.confirmPassword')}
              autoComplete="new-password"
              data-testid="password-confirm"
              {...form.getInputProps('confirm')}
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" data-testid="modal-cancel" onClick={close}>
                {t('admin.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="password-submit">
                {t('shell.changePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
