import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { useQuery } from '../../hooks/use-call';
import { useDeskForm } from '../../forms/desk-form';
import { newIdempotencyKey } from '../../api/idempotency';
import { mayBeUnsent } from '../../../../shared/result';
import { DateTextInput } from '../../components/filing/TypedFields';

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
  // One key per intended session: a retry after a lost reply must not schedule twice; a changed agenda is a new intent.
  const [key, setKey] = useState(newIdempotencyKey);
  // A date before today is allowed (recording a session already held) but only once the clerk says so.
  const [askPast, setAskPast] = useState(false);
  const { form, ref, busy, refusal, submit } = useDeskForm({
    channel: 'meeting.create',
    initialValues: { date: today(), time: '09:30', place: '', units: [...UNIT_CODES] as UnitCode[], agenda: [] as number[] },
    request: (v) => ({ ...v, units: UNIT_CODES.filter((u) => v.units.includes(u)), idempotencyKey: key }),
  });
  const { date, agenda } = form.values;
  const send = submit(
    (m) => onCreated(m.id),
    (error) => void (!mayBeUnsent(error.code) && setKey(newIdempotencyKey())),
  );
  const create = (pastConfirmed = false) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date < today() && !pastConfirmed) return setAskPast(true);
    setAskPast(false);
    send();
  };

  const toggle = (id: number) => {
    form.setFieldValue('agenda', agenda.includes(id) ? agenda.filter((x) => x !== id) : [...agenda, id]);
    setKey(newIdempotencyKey());
  };
  const agendaError = form.errors.agenda;
  return (
    <Paper ref={ref} withBorder p="md" mb="md" bg="gray.0" data-testid="meeting-form">
      <Stack gap="sm">
        <Title order={4}>{t('mt.new')}</Title>
        <Group grow align="flex-start">
          <DateTextInput
            label={t('mt.field.date')}
            stored={date}
            onValue={(v) => (form.setFieldValue('date', String(v ?? '')), setAskPast(false))}
            error={form.errors.date}
            data-testid="meeting-date"
          />
          <TextInput type="time" label={t('mt.field.time')} {...form.getInputProps('time')} data-testid="meeting-time" />
          <TextInput label={t('mt.field.place')} withAsterisk {...form.getInputProps('place')} data-testid="meeting-place" />
        </Group>
        <Checkbox.Group
          label={t('mt.field.units')}
          value={form.values.units}
          onChange={(v) => form.setFieldValue('units', v as UnitCode[])}
          error={form.errors.units}
          data-testid="meeting-units"
        >
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
        {refusal && (
          <Alert color="red" p="xs" data-testid="meeting-form-error">
            {refusal}
          </Alert>
        )}
        {askPast && (
          <Alert color="yellow" p="xs" data-testid="meeting-past" role="alertdialog">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('mt.pastDate', { date })}</Text>
              <Button size="xs" color="yellow" onClick={() => create(true)} data-testid="meeting-past-confirm" autoFocus>
                {t('mt.pastDateConfirm')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button onClick={() => create()} loading={busy} data-testid="meeting-create">
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
