import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { newIdempotencyKey } from '../../api/idempotency';
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
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('09:30');
  const [place, setPlace] = useState('');
  const [units, setUnits] = useState<UnitCode[]>([...UNIT_CODES]);
  const [agenda, setAgenda] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  // A date before today is allowed (recording a session already held) but only once the clerk says so.
  const [askPast, setAskPast] = useState(false);

  const toggle = (id: number) => {
    setAgenda((a) => (a.includes(id) ? a.filter((x) => x !== id) : [...a, id]));
    setKey(newIdempotencyKey());
  };

  const submit = async (pastConfirmed = false) => {
    if (date < today() && !pastConfirmed) return setAskPast(true);
    setAskPast(false);
    setBusy(true);
    const r = await call('meeting.create', {
      date,
      time,
      place,
      units: UNIT_CODES.filter((u) => units.includes(u)),
      agenda,
      idempotencyKey: key,
    });
    setBusy(false);
    if (r.ok) return onCreated(r.value.id);
    if (r.error.code !== 'INTERNAL') setKey(newIdempotencyKey());
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  };

  const agendaError = Object.entries(errors).find(([k]) => k === 'agenda' || k.startsWith('agenda.'))?.[1];
  return (
    <Paper withBorder p="md" mb="md" bg="gray.0" data-testid="meeting-form">
      <Stack gap="sm">
        <Title order={4}>{t('mt.new')}</Title>
        <Group grow align="flex-start">
          <DateTextInput
            label={t('mt.field.date')}
            stored={date}
            onValue={(v) => (setDate(String(v ?? '')), setAskPast(false))}
            error={errors.date}
            data-testid="meeting-date"
          />
          <TextInput
            type="time"
            label={t('mt.field.time')}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={errors.time}
            data-testid="meeting-time"
          />
          <TextInput
            label={t('mt.field.place')}
            withAsterisk
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
            data-testid="meeting-place"
          />
        </Group>
        <Checkbox.Group
          label={t('mt.field.units')}
          value={units}
          onChange={(v) => setUnits(v as UnitCode[])}
          error={errors.units}
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
        {message && (
          <Alert color="red" p="xs" data-testid="meeting-form-error">
            {message}
          </Alert>
        )}
        {askPast && (
          <Alert color="yellow" p="xs" data-testid="meeting-past" role="alertdialog">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('mt.pastDate', { date })}</Text>
              <Button size="xs" color="yellow" onClick={() => void submit(true)} data-testid="meeting-past-confirm" autoFocus>
                {t('mt.pastDateConfirm')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button onClick={() => void submit()} loading={busy} data-testid="meeting-create">
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
