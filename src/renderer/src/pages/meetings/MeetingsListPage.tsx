import { Anchor, Badge, Button, Group, Loader, Paper, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyRow } from '../../components/EmptyRow';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { useActor } from '../../session';
import { UnitBadges } from '../../components/review/UnitBadges';
import { useLiveReload } from '../../components/review/use-live';
import { NewMeetingForm } from './NewMeetingForm';
import { LoadError } from '../../components/LoadError';

/** `#/meetings`: every joint session, newest first. Clerks schedule them; everyone reads. */
export function MeetingsListPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { data, error, loading, reload } = useQuery('meeting.list', {});
  useLiveReload(['meeting.changed'], reload);
  const [creating, setCreating] = useState(false);

  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3}>{t('mt.title')}</Title>
          {loading && <Loader size="xs" />}
        </Group>
        {actor?.role === 'clerk' && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="meeting-new">
            {t('mt.new')}
          </Button>
        )}
      </Group>
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      {creating && <NewMeetingForm onCancel={() => setCreating(false)} onCreated={(id) => navigate(`/meetings/${id}`)} />}
      <Table striped highlightOnHover data-testid="meetings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mt.col.when')}</Table.Th>
            <Table.Th>{t('mt.col.place')}</Table.Th>
            <Table.Th>{t('mt.col.host')}</Table.Th>
            <Table.Th>{t('mt.col.units')}</Table.Th>
            <Table.Th>{t('mt.col.agenda')}</Table.Th>
            <Table.Th>{t('mt.col.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((m) => (
            <Table.Tr
              key={m.id}
              onClick={() => navigate(`/meetings/${m.id}`)}
              style={{ cursor: 'pointer' }}
              data-testid={`meeting-row-${m.id}`}
            >
              <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {/* The row opens on click; the link makes it reachable by Tab and Enter too. */}
                <Anchor href={`#/meetings/${m.id}`} data-testid={`meeting-link-${m.id}`}>
                  {m.date} {m.time}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.place}</Table.Td>
              <Table.Td>{m.hostName}</Table.Td>
              <Table.Td>
                <UnitBadges units={m.units} />
              </Table.Td>
              <Table.Td>{t('mt.agendaN', { n: m.agendaCount })}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={m.state === 'closed' ? 'gray' : 'desk'}>
                  {t(`mt.state.${m.state}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
          {data && data.length === 0 && <EmptyRow colSpan={6}>{t('mt.empty')}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
