import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import type { Output } from '../../../../shared/contract';
import { AccountForm, ResetPasswordModal } from './AccountForm';
import { formatTime } from './format';
import { LoadError } from '../../components/LoadError';

type Account = Output<'accounts.list'>[number];

export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const me = useActor();
  const { data, error, reload, setData } = useQuery('accounts.list', {});
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (data ?? []).filter((a) => !q || a.username.includes(q) || a.displayName.toLowerCase().includes(q));
  }, [data, filter]);

  const replace = (a: Account) => setData((list) => (list ?? []).map((x) => (x.id === a.id ? a : x)));

  const toggle = async (a: Account) => {
    setActionError(null);
    // No confirmation step: disabling is reversible and on the audit record.
    const r = await call('accounts.setDisabled', { id: a.id, disabled: !a.disabled });
    if (!r.ok) return setActionError(r.error.message);
    replace(r.value);
    notifications.show({
      color: 'green',
      message: t(r.value.disabled ? 'admin.accounts.disabled.ok' : 'admin.accounts.enabled.ok', { username: a.username }),
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{t('admin.accounts.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('admin.accounts.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <TextInput
            size="xs"
            placeholder={t('admin.accounts.filter')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            data-testid="account-filter"
          />
          <Button onClick={() => setCreating(true)} data-testid="account-new">
            {t('admin.accounts.new')}
          </Button>
        </Group>
      </Group>
      {actionError && (
        <Alert color="red" variant="light" role="alert">
          {actionError}
        </Alert>
      )}
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      <Table striped highlightOnHover withTableBorder data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.accounts.username')}</Table.Th>
            <Table.Th>{t('admin.accounts.displayName')}</Table.Th>
            <Table.Th>{t('admin.accounts.role')}</Table.Th>
            <Table.Th>{t('admin.accounts.unit')}</Table.Th>
            <Table.Th>{t('admin.accounts.state')}</Table.Th>
            <Table.Th>{t('admin.accounts.lastLogin')}</Table.Th>
            <Table.Th>{t('admin.accounts.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} data-testid={`account-row-${a.username}`} style={a.disabled ? { opacity: 0.6 } : undefined}>
              <Table.Td ff="monospace">{a.username}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <span>{a.displayName}</span>
                  {a.isDemo && (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('admin.accounts.demo')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{t(`role.${a.role}`)}</Table.Td>
              <Table.Td>{a.unit ? t(`unit.${a.unit}`) : t('admin.none')}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={a.disabled ? 'gray' : 'green'} data-testid={`account-state-${a.username}`}>
                  {t(a.disabled ? 'admin.accounts.disabled' : 'admin.accounts.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.lastLoginAt ? undefined : 'dimmed'}>
                  {a.lastLoginAt ? formatTime(a.lastLoginAt, i18n.language) : t('admin.accounts.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={a.disabled ? 'green' : 'red'}
                    disabled={a.id === me?.id}
                    onClick={() => void toggle(a)}
                    data-testid={`account-toggle-${a.username}`}
                  >
                    {t(a.disabled ? 'admin.accounts.enable' : 'admin.accounts.disable')}
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => setResetting(a)} data-testid={`account-reset-${a.username}`}>
                    {t('admin.accounts.resetPassword')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {data && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed" size="sm">
                  {t('admin.accounts.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <AccountForm
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          notifications.show({ color: 'green', message: t('admin.accounts.created.ok', { username: a.username }) });
          void reload();
        }}
      />
      <ResetPasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={(a) => {
          setResetting(null);
          notifications.show({ color: 'green', message: t('admin.accounts.reset.ok', { username: a.username }) });
        }}
      />
    </Stack>
  );
}
