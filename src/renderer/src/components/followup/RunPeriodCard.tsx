import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { RunPeriod } from '../../../../shared/contract/followup';
import { call, fileUrl } from '../../api/client';
import { useActor } from '../../session';
import { ACCEPT, readBase64 } from './file';
import { useReturnFocus } from '../../hooks/use-return-focus';

/** Countdown to the end of the run period, with the one extension and the closure (clerk). */
export function RunPeriodCard({ period, onChanged }: { period: RunPeriod; onChanged(): void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [dialog, setDialog] = useState<'extend' | 'close' | null>(null);
  const clerk = actor?.role === 'clerk';
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
      {dialog && (
        <RunPeriodDialog
          kind={dialog}
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

function RunPeriodDialog({
  kind,
  period,
  onClose,
  onDone,
}: {
  kind: 'extend' | 'close';
  period: RunPeriod;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [months, setMonths] = useState<number | string>(Math.min(6, period.maxExtensionMonths));
  const [reason, setReason] = useState('');
  const [how, setHow] = useState<'dismantled' | 'sealed'>('dismantled');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r =
      kind === 'extend'
        ? await call('followup.extend', { filingId: period.filingId, version: period.version, months: Number(months), reason })
        : file
          ? await call('followup.close', {
              filingId: period.filingId,
              version: period.version,
              how,
              report: { name: file.name, contentBase64: await readBase64(file) },
            })
          : null;
    setBusy(false);
    if (!r) return setError(t('fu.run.reportRequired'));
    if (r.ok) return onDone();
    setError(r.error.fields && Object.keys(r.error.fields).length ? Object.values(r.error.fields).join('；') : r.error.message);
  };
  return (
    <Modal opened onClose={onClose} title={t(kind === 'extend' ? 'fu.run.extend' : 'fu.run.close')}>
      <Stack gap="sm">
        {kind === 'extend' ? (
          <>
            <NumberInput
              label={t('fu.run.months', { max: period.maxExtensionMonths })}
              min={1}
              max={period.maxExtensionMonths}
              value={months}
              onChange={setMonths}
              data-testid="run-months"
            />
            <Textarea
              label={t('fu.run.reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="run-reason"
            />
            <Text size="xs" c="dimmed">
              {t('fu.run.extendHint')}
            </Text>
          </>
        ) : (
          <>
            <SegmentedControl
              value={how}
              onChange={(v) => setHow(v as typeof how)}
              data={[
                { value: 'dismantled', label: t('fu.run.how.dismantled') },
                { value: 'sealed', label: t('fu.run.how.sealed') },
              ]}
            />
            <FileInput label={t('fu.run.report')} required accept={ACCEPT} value={file} onChange={setFile} data-testid="run-report" />
          </>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('fu.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} data-testid="run-submit">
            {t('fu.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
