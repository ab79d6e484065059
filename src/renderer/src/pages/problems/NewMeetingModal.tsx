import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency';
import { navigate } from '../../router';
import { DateTextInput } from '../../components/filing/TypedFields';
import { useReturnFocus } from '../../hooks/use-return-focus';
import { useChannelForm } from '../../forms/channel-form';

// The agenda is chosen on the list, not here: what the desk says about it goes to the alert.
const FIELDS = new Set(['date', 'time', 'place']);

/** Schedules a problem assignment meeting (企业问题交办会) with the chosen problems as its agenda. */
export function NewMeetingModal({ agenda, onClose }: { agenda: number[]; onClose(): void }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  useReturnFocus();
  const [idem] = useState(newIdempotencyKey);
  const input = (v: { date: string; time: string; place: string }) => ({ ...v, agenda, idempotencyKey: idem });
  const { form, ref, message, submit } = useChannelForm({
    initialValues: { date: today, time: '09:30', place: '' },
    request: (v) => ({ channel: 'problem.meetingCreate', input: input(v) }),
    field: (path) => (FIELDS.has(path) ? path : null),
  });
  const save = () =>
    submit(
      (v) => call('problem.meetingCreate', input(v)),
      (m) => navigate(`/problems/meeting/${m.id}`),
    );
  return (
    <Modal opened onClose={onClose} title={t('pu.meeting.title')}>
      <Stack gap="xs" ref={ref}>
        {message && <Alert color="red">{message}</Alert>}
        <Group grow align="flex-start">
          <DateTextInput
            label={t('pu.meeting.date')}
            stored={form.values.date}
            onValue={(d) => form.setFieldValue('date', String(d ?? ''))}
            error={form.errors.date}
            data-testid="problem-meeting-date"
          />
          <TextInput label={t('pu.meeting.time')} {...form.getInputProps('time')} data-testid="pm-time" />
        </Group>
        <TextInput label={t('pu.meeting.place')} {...form.getInputProps('place')} data-testid="pm-place" />
        <Group justify="flex-end">
          <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
            {t('pu.cancel')}
          </Button>
          <Button onClick={() => void save()} data-testid="pm-save">
            {t('pu.meeting.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
