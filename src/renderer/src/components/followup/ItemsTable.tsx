import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProvisionalMark } from '../filing/ProvisionalMark';
import { useState } from 'react';
import type { FollowupItem } from '../../../../shared/contract/followup';
import { useActor } from '../../session';
import { fileUrl } from '../../api/client';
import { formatStamp } from '../review/labels';
import { ALERT_COLOR, STATE_COLOR } from './file';
import { ItemActionModal, type ItemAction } from './ItemActionModal';

const ENDED_FILING = ['not_accepted', 'rejected', 'revoked', 'terminated', 'closed'];

/** Tracked items with where each stands today and the moves the signed-in person may make on it. */
export function ItemsTable({ rows, showFiling, onChanged }: { rows: FollowupItem[]; showFiling: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [modal, setModal] = useState<{ item: FollowupItem; action: ItemAction } | null>(null);
  const live = (i: FollowupItem) => !ENDED_FILING.includes(i.filingState) && (i.state === 'open' || i.state === 'supplied');
  const mayVerify = (i: FollowupItem) => actor?.role === 'reviewer' && actor.unit === i.verifyingUnit;

  if (!rows.length)
    return (
      <Text c="dimmed" size="sm" data-testid="items-empty">
        {t('fu.empty')}
      </Text>
    );
  return (
    <>
      <Table striped highlightOnHover data-testid="items-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {showFiling && <Table.Th>{t('fu.col.filing')}</Table.Th>}
            <Table.Th>{t('fu.col.item')}</Table.Th>
            <Table.Th>{t('fu.col.unit')}</Table.Th>
            <Table.Th>{t('fu.col.due')}</Table.Th>
            <Table.Th>{t('fu.col.state')}</Table.Th>
            <Table.Th>{t('fu.col.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((i) => (
            <Table.Tr
              key={i.id}
              data-testid={`item-row-${i.id}`}
              data-state={i.state}
              data-alert={i.alert}
              data-unit={i.verifyingUnit}
              data-filing-id={i.filingId}
            >
              {showFiling && (
                <Table.Td>
                  <Anchor href={`#/filings/${i.filingId}`} size="sm" className="tabular">
                    {i.filingNo}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={220}>
                    {i.projectName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td maw={320}>
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <Badge size="xs" variant="outline" color={i.kind === 'material' ? 'blue' : 'teal'} style={{ flexShrink: 0 }}>
                    {t(`fu.kind.${i.kind}`)}
                  </Badge>
                  <Text size="sm" lineClamp={2}>
                    {i.text}
                  </Text>
                </Group>
                {i.attachments.map((a) => (
                  <Anchor key={a.id} size="xs" href={fileUrl('followup-file', a.id)} target="_blank" display="block">
                    {a.name}
                  </Anchor>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`unit.${i.verifyingUnit}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="tabular">
                  {i.dueDate}
                  <ProvisionalMark date={i.dueDate} />
                </Text>
                {i.alert !== 'none' && (
                  <Badge size="xs" color={ALERT_COLOR[i.alert]} data-testid={`item-alert-${i.id}`}>
                    {i.alert === 'overdue' ? t('fu.overdueBy', { n: -i.daysLeft }) : t('fu.daysLeft', { n: i.daysLeft })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[i.state]} variant="light">
                  {t(`fu.state.${i.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="xs" lineClamp={2}>
                  {i.note}
                </Text>
                {i.closedAt && (
                  <Text size="xs" c="dimmed">
                    {i.closedBy ?? ''} {formatStamp(i.closedAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {live(i) && (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {actor?.role === 'clerk' && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setModal({ item: i, action: 'supply' })}
                        data-testid={`item-supply-${i.id}`}
                      >
                        {t('fu.action.supply')}
                      </Button>
                    )}
                    {mayVerify(i) && (i.kind === 'condition' || i.state === 'supplied') && (
                      <Button size="compact-xs" onClick={() => setModal({ item: i, action: 'verify' })} data-testid={`item-verify-${i.id}`}>
                        {t('fu.action.verify')}
                      </Button>
                    )}
                    {mayVerify(i) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => setModal({ item: i, action: 'notApplied' })}
                        data-testid={`item-notapplied-${i.id}`}
                      >
                        {t('fu.action.notApplied')}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {modal && (
        <ItemActionModal
          item={modal.item}
          action={modal.action}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
