import { Alert, Button, FileInput, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowupItem } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { useChannelForm, type ChannelRequest } from '../../forms/channel-form';
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
  // The note is the request's `note`, or its `reason` when an item is set aside; the file is checked once read.
  const { form, ref, message, busy, submit } = useChannelForm({
    initialValues: { note: '', file: null as File | null },
    request: ({ note }): ChannelRequest =>
      action === 'supply'
        ? { channel: 'followup.supply', input: { itemId: item.id, note, file: null } }
        : action === 'verify'
          ? { channel: 'followup.verify', input: { itemId: item.id, note } }
          : { channel: 'followup.notApplied', input: { itemId: item.id, reason: note } },
    field: (path) => (path === 'note' || path === 'reason' ? 'note' : path.startsWith('file') ? 'file' : null),
  });
  const send = async ({ note, file }: { note: string; file: File | null }) =>
    action === 'supply'
      ? call('followup.supply', { itemId: item.id, note, file: file ? { name: file.name, contentBase64: await readBase64(file) } : null })
      : action === 'verify'
        ? call('followup.verify', { itemId: item.id, note })
        : call('followup.notApplied', { itemId: item.id, reason: note });

  return (
    <Modal opened onClose={onClose} title={t(`fu.action.${action}`)} size="lg" data-testid={`item-modal-${action}`}>
      <Stack gap="sm" ref={ref}>
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
        {message && (
          <Alert color="red" variant="light" role="alert">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('fu.cancel')}
          </Button>
          <Button
            onClick={() => void submit(send, onDone)}
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
