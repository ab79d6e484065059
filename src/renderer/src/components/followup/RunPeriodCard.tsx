import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { RunPeriod } from '../../../../shared/contract/followup';
import { fileUrl } from '../../api/client';
import { useActor } from '../../session';
import { CloseDialog, ExtendDialog } from './RunPeriodDialog';

/** Countdown to the end of the run period, with the one extension and the closure (clerk). */
export function RunPeriodCard({ period, onChanged }: { period: RunPeriod; onChanged(): void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [dialog, setDialog] = useState<'extend' | 'close' | null>(null);
  const clerk = actor?.role === 'clerk';
  const Dialog = dialog === 'extend' ? ExtendDialog : dialog === 'close' ? CloseDialog : null;
  const d = period.daysLeft;
  const color = d === null ? 'gray' : d < 0 ? 'red' : d <= 30 ? 'orange' : 'green';
  return (
    <Paper withBorder p="sm" data-testid="run-period" data-days-left={d ?? ''}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{t('fu.run.title')}</Text>
          <Text size="sm" className="tabular">
            {period.start ?? '—'} → {period.end ?? '—'}
            {period.extension && (
              <Text span size="sm" c="dimmed">
                {' '}
                {t('fu.run.extendedFrom', { date: period.plannedEnd, months: period.extension.months })}
              </Text>
            )}
          </Text>
          {period.extension && (
            <Text size="xs" c="dimmed">
              {t('fu.run.reason')}: {period.extension.reason}
            </Text>
          )}
          {period.closure && (
            <Text size="sm" data-testid="run-closure">
              {t(`fu.run.how.${period.closure.how}`)} · {period.closure.at.slice(0, 10)} ·{' '}
              <Anchor size="sm" href={fileUrl('followup-file', period.closure.attachmentId)} target="_blank">
                {period.closure.reportName}
              </Anchor>
            </Text>
          )}
        </Stack>
        <Stack gap={6} align="flex-end">
          {d !== null && !period.closure && (
            <Badge size="lg" color={color} data-testid="run-countdown">
              {d >= 0 ? t('fu.run.daysLeft', { n: d }) : t('fu.run.ended', { n: -d })}
            </Badge>
          )}
          {clerk && period.filingState === 'registered' && (
            <Group gap="xs">
              {!period.extension && (
                <Button size="xs" variant="light" onClick={() => setDialog('extend')} data-testid="run-extend">
                  {t('fu.run.extend')}
                </Button>
              )}
              <Button size="xs" variant="light" color="gray" onClick={() => setDialog('close')} data-testid="run-close">
                {t('fu.run.close')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
      {Dialog && (
        <Dialog
          period={period}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
