import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { newIdempotencyKey } from '../../api/idempotency';
import { meetingCreateSchema } from '../../../../shared/contract/meetings';
import { zodValidate } from '../../hooks/zod-form';

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Schedules a session: when and where, which units, and the filings in review in the order they are taken. */
export function NewMeetingForm({ onCancel, onCreated }: { onCancel(): void; onCreated(id: number): void }) {
  const { t } = useTranslation();
  const filings = useQuery('filing.list', {
    query: '',
    states: ['in_review'],
    parkId: null,
    unit: null,
    overdueOnly: false,
    sort: 'submittedAt',
    dir: 'asc',
    offset: 0,
    limit: 200,
  });
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm({
    initialValues: { date: today(), time: '09:30', place: '', units: [...UNIT_CODES] as UnitCode[], agenda: [] as number[] },
    validate: zodValidate(meetingCreateSchema, t, () => ({ idempotencyKey: key })),
    // A changed intent is a new intent: only an identical retry may reuse the key.
    onValuesChange: () => setKey(newIdempotencyKey()),
  });
  const { agenda } = form.values;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: number) => form.setFieldValue('agenda', agenda.includes(id) ? agenda.filter((x) => x !== id) : [...agenda, id]);

  const submit = form.onSubmit(
    async (values) => {
      setBusy(true);
      setMessage(null);
      const units = UNIT_CODES.filter((u) => values.units.includes(u));
      const r = await call('meeting.create', { ...values, units, idempotencyKey: key });
      setBusy(false);
      if (r.ok) return onCreated(r.value.id);
      if (r.error.code !== 'INTERNAL') setKey(newIdempotencyKey());
      form.setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
    },
    () => setMessage(t('rv.form.fixMarked')),
  );

  const agendaError = Object.entries(form.errors).find(([k]) => k === 'agenda' || k.startsWith('agenda.'))?.[1];
  return (
    <Paper withBorder p="md" mb="md" bg="gray.0" data-testid="meeting-form">
      <Stack gap="sm">
        <Title order={4}>{t('mt.new')}</Title>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('mt.field.date')} {...form.getInputProps('date')} data-testid="meeting-date" />
          <TextInput type="time" label={t('mt.field.time')} {...form.getInputProps('time')} data-testid="meeting-time" />
          <TextInput label={t('mt.field.place')} withAsterisk {...form.getInputProps('place')} data-testid="meeting-place" />
        </Group>
        <Checkbox.Group label={t('mt.field.units')} {...form.getInputProps('units')} data-testid="meeting-units">
          <Group gap="md" mt={4}>
            {UNIT_CODES.map((u) => (
              <Checkbox key={u} value={u} label={t(`unit.${u}`)} data-testid={`meeting-unit-${u}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text fw={600} size="sm">
          {t('mt.field.agenda')}
        </Text>
        {agendaError && (
          <Text c="red" size="sm" data-testid="meeting-agenda-error">
            {agendaError}
          </Text>
        )}
        <Table withTableBorder data-testid="meeting-agenda-picker">
          <Table.Tbody>
            {(filings.data?.rows ?? []).map((f) => {
              const n = agenda.indexOf(f.id);
              return (
                <Table.Tr key={f.id} data-testid={`agenda-pick-${f.id}`} data-filing-no={f.filingNo}>
                  <Table.Td w={40}>
                    <Checkbox checked={n >= 0} onChange={() => toggle(f.id)} aria-label={f.filingNo} data-testid={`agenda-check-${f.id}`} />
                  </Table.Td>
                  <Table.Td w={40} className="tabular">
                    {n >= 0 ? n + 1 : ''}
                  </Table.Td>
                  <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {f.filingNo}
                  </Table.Td>
                  <Table.Td>{f.projectName}</Table.Td>
                  <Table.Td>{f.applicantName}</Table.Td>
                </Table.Tr>
              );
            })}
            {filings.data && filings.data.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">{t('mt.noneInReview')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {message && (
          <Alert color="red" p="xs" data-testid="meeting-form-error">
            {message}
          </Alert>
        )}
        <Group>
          <Button onClick={() => submit()} loading={busy} data-testid="meeting-create">
            {t('mt.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('mt.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
