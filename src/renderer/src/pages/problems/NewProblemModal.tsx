import { Alert, Button, FileInput, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PROBLEM_SOURCES, type ProblemSource } from '../../../../shared/domain/problems';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency';
import { useProblemSettings } from './use-problem-settings';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { ACCEPT, readBase64 } from '../../components/followup/file';
import { useChannelForm } from '../../forms/channel-form';

/** Enter a problem: the firm by credit code, what it asks, where it came from, its category. */
export function NewProblemModal({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const { settings, category } = useProblemSettings();
  const [idem] = useState(newIdempotencyKey);
  const initialValues = {
    creditCode: '',
    firmName: '',
    title: '',
    request: '',
    source: 'commissioner' as ProblemSource,
    category: 'other',
    files: [] as File[],
  };
  const request = ({ files, ...v }: typeof initialValues) => ({ ...v, filingId: null, idempotencyKey: idem, attachments: files });
  const { form, ref, message, busy, submit } = useChannelForm({
    initialValues,
    // Files are checked by name and count here; their content (type, size) is read on submit and checked by the desk.
    request: (v) => ({
      channel: 'problem.create',
      input: { ...request(v), attachments: v.files.map((f) => ({ name: f.name, contentBase64: '' })) },
    }),
    field: (path) => (path.startsWith('attachments') ? 'files' : path === 'filingId' || path === 'idempotencyKey' ? null : path),
  });
  const save = () =>
    submit(
      async (v) => {
        const attachments = await Promise.all(v.files.map(async (file) => ({ name: file.name, contentBase64: await readBase64(file) })));
        return call('problem.create', { ...request(v), attachments });
      },
      (p) => onCreated(p.id),
    );
  return (
    <Modal opened onClose={onClose} title={t('pu.new')} size="lg">
      <Stack gap="xs" data-testid="problem-form" ref={ref}>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('pu.f.creditCode')} {...form.getInputProps('creditCode')} data-testid="pf-credit" />
          <TextInput label={t('pu.f.firm')} {...form.getInputProps('firmName')} data-testid="pf-firm" />
        </Group>
        <TextInput label={t('pu.f.title')} {...form.getInputProps('title')} data-testid="pf-title" />
        <Textarea label={t('pu.f.request')} {...form.getInputProps('request')} autosize minRows={3} data-testid="pf-request" />
        <Group grow align="flex-start">
          <Select
            label={t('pu.f.source')}
            {...form.getInputProps('source')}
            onChange={(s) => s && form.setFieldValue('source', s as ProblemSource)}
            data={PROBLEM_SOURCES.map((s) => ({ value: s, label: t(`pr.source.${s}`) }))}
            data-testid="pf-source"
          />
          <Select
            label={t('pu.f.category')}
            {...form.getInputProps('category')}
            onChange={(s) => s && form.setFieldValue('category', s)}
            data={(settings?.categories ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: category(c.code) }))}
            data-testid="pf-category"
          />
        </Group>
        <FileInput label={t('pm.files')} multiple clearable accept={ACCEPT} {...form.getInputProps('files')} data-testid="pf-files" />
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('pu.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()} data-testid="pf-save">
            {t('pu.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
