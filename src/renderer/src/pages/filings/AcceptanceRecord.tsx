import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Settings } from '../../../../shared/schemas/settings';
import { DueDate } from '../../components/filing/DueDate';
import { stampText } from '../../components/filing/format';
import { useLocalName } from '../../components/filing/use-settings';

/** What was decided, and the supply deadlines it set. */
export function DecisionRecord({ view, settings, focus }: { view: FilingView; settings: Settings | null; focus: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Right after the clerk decided, the form that held the focus is gone: the record of the decision takes it.
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const name = useLocalName();
  const a = view.acceptance;
  const items = view.trackedItems.filter((i) => i.kind === 'material');
  if (!a)
    return (
      <Text size="sm" c="dimmed" data-testid="acceptance-none">
        {view.state === 'draft' ? t('fa.notYetSubmitted') : t('fa.notYetDecided')}
      </Text>
    );
  return (
    <Paper withBorder p="sm" data-testid="acceptance-record" ref={ref} tabIndex={-1}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={5}>{t(`fa.decision.${a.decision}`)}</Title>
          <Text size="sm" c="dimmed">
            {t('fa.decidedBy', { who: a.decidedBy, at: stampText(a.decidedAt) })}
          </Text>
        </Group>
        {a.reason && (
          <Text size="sm">
            {t('fa.reason')}：{a.reason}
          </Text>
        )}
        {a.corrections.length > 0 && (
          <List size="sm" type="ordered">
            {a.corrections.map((c, i) => (
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        )}
        {items.length > 0 && (
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="tracked-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fa.item')}</Table.Th>
                <Table.Th w={120}>{t('fa.dueDate')}</Table.Th>
                <Table.Th w={100}>{t('fa.itemState')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => {
                const type = settings?.materialTypes.find((m) => m.code === i.materialCode);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{type ? `${type.no}. ${name(type)}` : i.text}</Table.Td>
                    <Table.Td>
                      <DueDate date={i.dueDate} warningDays={settings?.timeLimits.warningDays ?? 3} />
                    </Table.Td>
                    <Table.Td>{t(`fa.itemState.${i.state}`)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
