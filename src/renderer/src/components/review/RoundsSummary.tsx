import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewView } from '../../../../shared/contract/review';
import { UnitBadges } from './UnitBadges';
import { formatStamp } from './labels';

const OUTCOME_COLOR = {
  pending: 'blue',
  rejected: 'red',
  supplementRequested: 'orange',
  approvedWithConditions: 'teal',
  approved: 'green',
} as const;

export function RoundsSummary({ rounds, current }: { rounds: ReviewView['rounds']; current: number | null }) {
  const { t } = useTranslation();
  if (rounds.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('rv.rounds.none')}
      </Text>
    );
  return (
    <Table withTableBorder data-testid="review-rounds">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rv.rounds.round')}</Table.Th>
          <Table.Th>{t('rv.rounds.units')}</Table.Th>
          <Table.Th>{t('rv.rounds.opened')}</Table.Th>
          <Table.Th>{t('rv.rounds.closed')}</Table.Th>
          <Table.Th>{t('rv.rounds.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rounds.map((r) => (
          <Table.Tr
            key={r.number}
            data-testid={`review-round-${r.number}`}
            data-outcome={r.outcome}
            fw={r.number === current ? 600 : undefined}
          >
            <Table.Td>{t('rv.roundN', { n: r.number })}</Table.Td>
            <Table.Td>
              <UnitBadges units={r.units} />
            </Table.Td>
            <Table.Td className="tabular">{formatStamp(r.openedAt)}</Table.Td>
            <Table.Td className="tabular">{r.closedAt ? formatStamp(r.closedAt) : '—'}</Table.Td>
            <Table.Td>
              <Badge color={OUTCOME_COLOR[r.outcome]} variant="light">
                {t(`rv.outcome.${r.outcome}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
