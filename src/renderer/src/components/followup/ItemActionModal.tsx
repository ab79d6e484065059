import { Alert, Button, FileInput, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { FollowupItem } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { ACCEPT, readBase64 } from './file';
import { useReturnFocus } from '../../hooks/use-return-focus';

export type ItemAction = 'supply' | 'verify' | 'notApplied';

/** One form for the three moves on an item: the clerk records a supply, the verifying unit closes it or sets it aside. */
export function ItemActionModal({
  item,
  action,
  onClose,
  onDone,
}: {
  item: FollowupItem;
  action: ItemAction;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    const r =
      action === 'supply'
        ? await call('followup.supply', {
            itemId: item.id,
            note,
            file: file ? { name: file.name, contentBase64: await readBase64(file) } : null,
          })
        : action === 'verify'
          ? await call('followup.verify', { itemId: item.id, note })
          : await call('followup.notApplied', { itemId: item.id, reason: note });
    setBusy(false);
    if (r.ok) return onDone();
    const fields = r.error.fields ?? {};
    setFieldError(fields.note ?? fields.reason ?? null);
    setError(Object.keys(fields).length ? Object.values(fields).join('；') : r.error.message);
  };

  return (
    <Modal opened onClose={onClose} title={t(`fu.action.${action}`)} size="lg" data-testid={`item-modal-${action}`}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {item.text}
        </Text>
        <Text size="xs" c="dimmed">
          {item.filingNo} · {item.projectName} · {t('fu.col.due')} {item.dueDate}
        </Text>
        <Textarea
          label={t(`fu.note.${action}`)}
          required={action !== 'supply'}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError}
          data-testid="item-note"
        />
        {action === 'supply' && (
          <FileInput
            label={t('fu.file')}
            description={t('fu.fileHint')}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            data-testid="item-file"
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('fu.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            color={action === 'notApplied' ? 'gray' : undefined}
            data-testid="item-submit"
          >
            {t(`fu.action.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
