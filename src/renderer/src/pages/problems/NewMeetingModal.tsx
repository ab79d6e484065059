import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { DateTextInput } from '../../components/filing/TypedFields';
import { useReturnFocus } from '../../hooks/use-return-focus';

const key = () => `pm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Schedules a problem assignment meeting (企业问题交办会) with the chosen problems as its agenda. */
export function NewMeetingModal({ agenda, onClose }: { agenda: number[]; onClose(): void }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  useReturnFocus();
  const [v, setV] = useState({ date: today, time: '09:30', place: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [idem] = useState(key);
  const f = error?.fields ?? {};
  const save = async () => {
    const r = await call('problem.meetingCreate', { ...v, agenda, idempotencyKey: idem });
    if (!r.ok) return setError(r.error);
    navigate(`/problems/meeting/${r.value.id}`);
  };
  return (
    <Modal opened onClose={onClose} title={t('pu.meeting.title')}>
      <Stack gap="xs">
        {error && !error.fields && <Alert color="red">{error.message}</Alert>}
        <Group grow>
          <DateTextInput
            label={t('pu.meeting.date')}
            stored={v.date}
            onValue={(d) => setV((x) => ({ ...x, date: String(d ?? '') }))}
            error={f.date}
            data-testid="problem-meeting-date"
          />
          <TextInput
            label={t('pu.meeting.time')}
            value={v.time}
            onChange={(e) => setV({ ...v, time: e.currentTarget.value })}
            error={f.time}
          />
        </Group>
        <TextInput
          label={t('pu.meeting.place')}
          value={v.place}
          onChange={(e) => setV({ ...v, place: e.currentTarget.value })}
          error={f.place}
          data-testid="pm-place"
        />
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
