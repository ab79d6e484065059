import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { formatBytes, formatTime, shortHash } from './format';

/** The data folder is the one holding `backups/`; both paths are quoted for folders with spaces. */
function restoreCommand(path: string | undefined): string {
  if (!path) return 'npm run desk -- restore "<backups/desk-….sqlite>" --data-dir "<data folder>"';
  const dataDir = path.replace(/[\\/]backups[\\/][^\\/]+$/, '');
  return `npm run desk -- restore "${path}" --data-dir "${dataDir}"`;
}

/** Online backups (admin only) and how to restore one; restore itself is offline, from the command line. */
export function BackupsSection({ onCreated }: { onCreated?: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useQuery('backup.list', {});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('backup.create', {});
    setBusy(false);
    if (!r.ok) return setFailure(r.error.message);
    notifications.show({ color: 'green', message: t('admin.backup.created', { file: r.value.file }) });
    await reload();
    onCreated?.();
  };

  const rows = data ?? [];
  return (
    <Paper withBorder p="sm" mt="md" data-testid="backups">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{t('admin.backup.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('admin.backup.intro')}
            </Text>
          </div>
          <Button onClick={() => void create()} loading={busy} data-testid="backup-create">
            {t('admin.backup.create')}
          </Button>
        </Group>
        {(failure || error) && (
          <Alert color="red" variant="light" role="alert">
            {failure ?? error?.message}
          </Alert>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.backup.none')}
          </Text>
        ) : (
          <Table withTableBorder data-testid="backup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.backup.file')}</Table.Th>
                <Table.Th>{t('admin.backup.createdAt')}</Table.Th>
                <Table.Th>{t('admin.backup.size')}</Table.Th>
                <Table.Th>{t('admin.backup.check')}</Table.Th>
                <Table.Th>{t('admin.backup.head')}</Table.Th>
                <Table.Th>{t('admin.backup.attachments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((b) => (
                <Table.Tr key={b.file} data-testid={`backup-row-${b.file}`}>
                  <Table.Td ff="monospace" fz="xs" title={b.path}>
                    {b.file}
                  </Table.Td>
                  <Table.Td>{formatTime(b.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{formatBytes(b.size)}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={b.quickCheck === 'ok' ? 'green' : 'red'}>
                      {b.quickCheck}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Code fz="xs" title={b.head.hash}>
                      #{b.head.seq} {shortHash(b.head.hash)}
                    </Code>
                  </Table.Td>
                  <Table.Td>{b.attachments}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" fw={600}>
          {t('admin.backup.restoreTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('admin.backup.restoreHint')}
        </Text>
        <Code block fz="xs" data-testid="backup-restore-command">
          {rows[0]?.restoreCommand ?? restoreCommand(rows[0]?.path)}
        </Code>
      </Stack>
    </Paper>
  );
}
