import { Button, FileInput, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PROBLEM_SOURCES, type ProblemSource } from '../../../../shared/domain/problems';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api/client';
import { useProblemSettings } from './use-problem-settings';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { ACCEPT, readBase64 } from '../../components/followup/file';

const key = () => `pr-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Enter a problem: the firm by credit code, what it asks, where it came from, its category. */
export function NewProblemModal({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const { settings, category } = useProblemSettings();
  const [v, setV] = useState({
    creditCode: '',
    firmName: '',
    title: '',
    request: '',
    source: 'commissioner' as ProblemSource,
    category: 'other',
  });
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [idem] = useState(key);
  const f = error?.fields ?? {};
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const save = async () => {
    setBusy(true);
    // The desk checks each file's type by content, its size, and stores it under its SHA-256.
    const attachments = await Promise.all(files.map(async (file) => ({ name: file.name, contentBase64: await readBase64(file) })));
    const r = await call('problem.create', { ...v, filingId: null, attachments, idempotencyKey: idem });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onCreated(r.value.id);
  };
  return (
    <Modal opened onClose={onClose} title={t('pu.new')} size="lg">
      <Stack gap="xs" data-testid="problem-form">
        <Group grow>
          <TextInput
            label={t('pu.f.creditCode')}
            value={v.creditCode}
            onChange={set('creditCode')}
            error={f.creditCode}
            data-testid="pf-credit"
          />
          <TextInput label={t('pu.f.firm')} value={v.firmName} onChange={set('firmName')} error={f.firmName} data-testid="pf-firm" />
        </Group>
        <TextInput label={t('pu.f.title')} value={v.title} onChange={set('title')} error={f.title} data-testid="pf-title" />
        <Textarea
          label={t('pu.f.request')}
          value={v.request}
          onChange={set('request')}
          error={f.request}
          autosize
          minRows={3}
          data-testid="pf-request"
        />
        <Group grow>
          <Select
            label={t('pu.f.source')}
            value={v.source}
            onChange={(s) => s && setV({ ...v, source: s as ProblemSource })}
            data={PROBLEM_SOURCES.map((s) => ({ value: s, label: t(`pr.source.${s}`) }))}
            data-testid="pf-source"
          />
          <Select
            label={t('pu.f.category')}
            value={v.category}
            onChange={(s) => s && setV({ ...v, category: s })}
            data={(settings?.categories ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: category(c.code) }))}
            error={f.category}
            data-testid="pf-category"
          />
        </Group>
        <FileInput
          label={t('pm.files')}
          multiple
          clearable
          accept={ACCEPT}
          value={files}
          onChange={setFiles}
          error={Object.entries(f).find(([k]) => k.startsWith('attachments'))?.[1]}
          data-testid="pf-files"
        />
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
