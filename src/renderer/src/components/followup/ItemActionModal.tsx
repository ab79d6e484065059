import { Alert, Button, FileInput, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { FollowupItem } from '../../../../shared/contract/followup';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { contract } from '../../../../shared/contract';
import { zodValidate } from '../../hooks/zod-form';
import { ACCEPT, readBase64 } from './file';
import { useReturnFocus } from '../../hooks/use-return-focus';

export type ItemAction = 'supply' | 'verify' | 'notApplied';
const CHANNELS = { supply: 'followup.supply', verify: 'followup.verify', notApplied: 'followup.notApplied' } as const;

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
  // The note is the request's `note`, or its `reason` when an item is set aside; the file is checked once read.
  const noteField = action === 'notApplied' ? 'reason' : 'note';
  const channel = CHANNELS[action];
  const form = useForm({
    initialValues: { note: '', file: null as File | null },
    validate: (v) => {
      const errors = zodValidate(
        contract[channel].input,
        t,
      )({ itemId: item.id, [noteField]: v.note, ...(action === 'supply' && { file: null }) });
      return errors[noteField] ? { note: errors[noteField] } : {};
    },
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(
    async ({ note, file }) => {
      setBusy(true);
      setError(null);
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
      form.setErrors({ note: fields.note ?? fields.reason ?? null });
      setError(Object.keys(fields).length ? Object.values(fields).join('；') : r.error.message);
    },
    (errors) => setError(Object.values(errors).join('；')),
  );

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
          {...form.getInputProps('note')}
          data-testid="item-note"
        />
        {action === 'supply' && (
          <FileInput
            label={t('fu.file')}
            description={t('fu.fileHint')}
            accept={ACCEPT}
            {...form.getInputProps('file')}
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
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('fu.cancel')}
          </Button>
          <Button onClick={() => submit()} loading={busy} color={action === 'notApplied' ? 'gray' : undefined} data-testid="item-submit">
            {t(`fu.action.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
