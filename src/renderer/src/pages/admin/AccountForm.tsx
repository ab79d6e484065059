import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Output } from '../../../../shared/contract';
import { ROLES, UNIT_CODES, type Role, type UnitCode } from '../../../../shared/domain/units';
import { usePasswordRule } from '../../components/password-rule';
import { NewPasswordInput } from '../../components/NewPasswordInput';

type Account = Output<'accounts.create'>;

/** New account: the unit follows the role (reviewers pick one, clerks are fixed to sp, others have none). */
export function AccountForm({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(a: Account): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'reviewer' as Role, unit: null as UnitCode | null, password: '' },
  });
  const role = form.values.role;
  const checkPassword = usePasswordRule(form);

  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };

  const submit = form.onSubmit(async (v) => {
    setError(null);
    if (!(await checkPassword(v.password, v.username))) return;
    setBusy(true);
    const unit = v.role === 'reviewer' ? v.unit : v.role === 'clerk' ? 'sp' : null;
    const r = await call('accounts.create', { username: v.username, displayName: v.displayName, role: v.role, unit, password: v.password });
    setBusy(false);
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {});
      setError(r.error.message);
      return;
    }
    form.reset();
    onCreated(r.value);
  });

  const unitData = UNIT_CODES.map((u) => ({ value: u, label: `${t(`unit.${u}`)} (${u})` }));
  return (
    <Modal opened={opened} onClose={close} title={t('admin.accounts.new')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('admin.accounts.username')}
            autoComplete="off"
            data-autofocus
            data-testid="account-username"
            {...form.getInputProps('username')}
          />
          <TextInput label={t('admin.accounts.displayName')} data-testid="account-displayName" {...form.getInputProps('displayName')} />
          <Select
            label={t('admin.accounts.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            allowDeselect={false}
            data-testid="account-role"
            {...form.getInputProps('role')}
            onChange={(v) => {
              form.setFieldValue('role', (v ?? 'reviewer') as Role);
              form.setFieldValue('unit', v === 'clerk' ? 'sp' : v === 'reviewer' ? form.values.unit : null);
            }}
          />
          {role === 'reviewer' && (
            <Select
              label={t('admin.accounts.unit')}
              data={unitData}
              allowDeselect={false}
              data-testid="account-unit"
              {...form.getInputProps('unit')}
            />
          )}
          {role === 'clerk' && (
            <Select
              label={t('admin.accounts.unit')}
              data={unitData}
              value="sp"
              disabled
              description={t('admin.accounts.unitFixedClerk')}
              data-testid="account-unit"
              error={form.errors.unit}
            />
          )}
          <NewPasswordInput
            label={t('admin.accounts.password')}
            description={t('admin.accounts.passwordHint')}
            form={form}
            username={form.values.username}
            check={checkPassword}
            data-testid="account-password"
          />
          {error && !Object.keys(form.errors).length && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" data-testid="modal-cancel" onClick={close}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="account-submit">
              {t('admin.accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Sets a new password for someone else; their own change goes through auth.changePassword. */
export function ResetPasswordModal({ account, onClose, onDone }: { account: Account | null; onClose(): void; onDone(a: Account): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { password: '' } });
  const checkPassword = usePasswordRule(form);
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    if (!account || !(await checkPassword(v.password, account.username))) return;
    setBusy(true);
    const r = await call('accounts.resetPassword', { id: account.id, password: v.password });
    setBusy(false);
    if (!r.ok) return form.setFieldError('password', r.error.fields?.password ?? r.error.message);
    form.reset();
    onDone(account);
  });
  return (
    <Modal
      opened={account !== null}
      onClose={close}
      title={account ? t('admin.accounts.resetTitle', { name: account.displayName }) : ''}
      size="sm"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NewPasswordInput
            label={t('admin.accounts.newPassword')}
            description={t('admin.accounts.passwordHint')}
            data-autofocus
            form={form}
            username={account?.username}
            check={checkPassword}
            data-testid="reset-password"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" data-testid="modal-cancel" onClick={close}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="reset-submit">
              {t('admin.accounts.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
