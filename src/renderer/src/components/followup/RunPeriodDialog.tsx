import { Alert, Button, FileInput, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunPeriod } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { useDeskForm } from '../../forms/desk-form';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { ACCEPT, readBase64 } from './file';

interface DialogProps {
  period: RunPeriod;
  onClose(): void;
  onDone(): void;
}

/** The one extension of the run period: how many months (up to the settings' limit) and why. */
export function ExtendDialog({ period, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { form, ref, busy, refusal, submit } = useDeskForm({
    channel: 'followup.extend',
    initialValues: { months: Math.min(6, period.maxExtensionMonths) as number | string, reason: '' },
    // An emptied number field is no number at all (the schema says so), never 0.
    request: (v) => ({
      filingId: period.filingId,
      version: period.version,
      months: v.months === '' ? NaN : Number(v.months),
      reason: v.reason,
    }),
  });
  return (
    <DialogFrame title={t('fu.run.extend')} panel={ref} refusal={refusal} busy={busy} onClose={onClose} onSubmit={submit(onDone)}>
      <NumberInput
        label={t('fu.run.months', { max: period.maxExtensionMonths })}
        min={1}
        max={period.maxExtensionMonths}
        {...form.getInputProps('months')}
        data-testid="run-months"
      />
      <Textarea label={t('fu.run.reason')} required autosize minRows={2} {...form.getInputProps('reason')} data-testid="run-reason" />
      <Text size="xs" c="dimmed">
        {t('fu.run.extendHint')}
      </Text>
    </DialogFrame>
  );
}

/** Closing the run: dismantled or sealed, with the report that says so. */
export function CloseDialog({ period, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { form, ref, busy, refusal, submit } = useDeskForm({
    channel: 'followup.close',
    initialValues: { how: 'dismantled' as 'dismantled' | 'sealed', file: null as File | null },
    // The report stands in by its name until it is read for sending.
    request: (v) => ({
      filingId: period.filingId,
      version: period.version,
      how: v.how,
      report: { name: v.file?.name ?? '', contentBase64: '' },
    }),
    send: async (v) =>
      call('followup.close', {
        filingId: period.filingId,
        version: period.version,
        how: v.how,
        report: { name: v.file!.name, contentBase64: await readBase64(v.file!) },
      }),
    fieldOf: (path) => (path === 'report' || path.startsWith('report.') ? 'file' : undefined),
    extra: (v) => ({ file: v.file ? null : t('fu.run.reportRequired') }),
  });
  return (
    <DialogFrame title={t('fu.run.close')} panel={ref} refusal={refusal} busy={busy} onClose={onClose} onSubmit={submit(onDone)}>
      <SegmentedControl
        {...form.getInputProps('how')}
        data={[
          { value: 'dismantled', label: t('fu.run.how.dismantled') },
          { value: 'sealed', label: t('fu.run.how.sealed') },
        ]}
      />
      <FileInput label={t('fu.run.report')} required accept={ACCEPT} {...form.getInputProps('file')} data-testid="run-report" />
    </DialogFrame>
  );
}

function DialogFrame({
  title,
  panel,
  refusal,
  busy,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  panel: RefObject<HTMLDivElement | null>;
  refusal: string | null;
  busy: boolean;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="sm" ref={panel}>
        {children}
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('fu.cancel')}
          </Button>
          <Button onClick={() => onSubmit()} loading={busy} data-testid="run-submit">
            {t('fu.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
