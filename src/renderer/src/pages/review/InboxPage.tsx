import { Anchor, Badge, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MarkedDate } from '../../components/filing/ProvisionalMark';
import { EmptyRow } from '../../components/EmptyRow';
import { LoadError } from '../../components/LoadError';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { useActor } from '../../session';
import { UnitBadges, DaysLeft } from '../../components/review/UnitBadges';
import { useLiveReload } from '../../components/review/use-live';
import { formatStamp } from '../../components/review/labels';

/** What waits for me (or, for clerks and observers, for anyone), oldest first. */
export function InboxPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { data, error, loading, reload } = useQuery('review.inbox', {});
  useLiveReload(['inbox.changed', 'filing.changed'], reload);

  const rows = [...(data ?? [])].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.filingId - b.filingId);
  const open = (id: number) => navigate(`/filings/${id}`);

  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3}>{t('rv.inbox.title')}</Title>
          <Badge variant="light" data-testid="inbox-count">
            {rows.length}
          </Badge>
          {loading && <Loader size="xs" />}
        </Group>
        <Text size="sm" c="dimmed">
          {actor?.role === 'reviewer' && actor.unit ? t('rv.inbox.forUnit', { unit: t(`unit.${actor.unit}`) }) : t('rv.inbox.forAll')}
        </Text>
      </Group>
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      {/* Narrow windows (200% zoom) scroll the table in its own box rather than squeezing columns to one character. */}
      <Table.ScrollContainer minWidth={960} type="native">
        <Table striped highlightOnHover stickyHeader data-testid="inbox-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rv.col.filingNo')}</Table.Th>
              <Table.Th>{t('rv.col.project')}</Table.Th>
              <Table.Th>{t('rv.col.applicant')}</Table.Th>
              <Table.Th>{t('rv.col.state')}</Table.Th>
              <Table.Th>{t('rv.col.sections')}</Table.Th>
              <Table.Th>{t('rv.col.waitingSince')}</Table.Th>
              <Table.Th>{t('rv.col.dueDate')}</Table.Th>
              <Table.Th>{t('rv.col.daysLeft')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.filingId}
                onClick={() => open(r.filingId)}
                style={{ cursor: 'pointer' }}
                data-testid={`inbox-row-${r.filingId}`}
                data-work={r.work}
                data-filing-no={r.filingNo}
                data-level={r.level}
              >
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={`#/filings/${r.filingId}`} onClick={(e) => e.stopPropagation()}>
                    {r.filingNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.projectName}</Table.Td>
                <Table.Td>{r.applicantName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t(`state.${r.state}`)}
                  {r.round ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t('rv.roundN', { n: r.round })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {r.work === 'review' ? (
                    <UnitBadges units={r.sections} stale={r.staleSections} />
                  ) : (
                    <Badge variant="outline" color={r.work === 'applicant' ? 'gray' : 'desk'} data-work={r.work}>
                      {t(`rv.inbox.work.${r.work}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatStamp(r.waitingSince)}
                </Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  <MarkedDate date={r.dueDate?.slice(0, 10)} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DaysLeft daysLeft={r.daysLeft} level={r.level} />
                </Table.Td>
              </Table.Tr>
            ))}
            {data && !error && rows.length === 0 && <EmptyRow colSpan={8}>{t('rv.inbox.empty')}</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
