import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../../shared/contract/meetings';
import { call, fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useLiveReload } from '../../components/review/use-live';
import { useActor } from '../../session';
import { useProblemSettings } from './use-problem-settings';
import { useChannelForm } from '../../forms/channel-form';

/**
 * An assignment meeting's record, as a joint session keeps one: who came for which department (any department of
 * Settings, by name, since outside parties hold no accounts), closing, and the minutes PDF filed with the meeting.
 */
export function MeetingRecordPanel({ meeting, onClosed }: { meeting: MeetingView; onClosed(m: MeetingView): void }) {
  const { t } = useTranslation();
  const actor = useActor();
  const { settings, dept } = useProblemSettings();
  const attendance = useQuery('problem.meetingAttendance', { meetingId: meeting.id });
  useLiveReload(['meeting.changed'], attendance.reload, (_e, p) => (p as { meetingId: number }).meetingId === meeting.id);
  const canEdit = actor?.role === 'clerk' && meeting.state === 'scheduled';
  const input = (v: { department: string | null; people: string }) => ({
    meetingId: meeting.id,
    department: v.department ?? '',
    people: v.people
      .split(/[、,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean),
  });
  const { form, ref, message, submit, refuse } = useChannelForm({
    initialValues: { department: null as string | null, people: '' },
    request: (v) => ({ channel: 'problem.setAttendance', input: input(v) }),
    field: (path) => (path === 'department' ? path : path.startsWith('people') ? 'people' : null),
  });
  const record = () =>
    submit(
      (v) => call('problem.setAttendance', input(v)),
      (rows) => (attendance.setData(rows), form.setFieldValue('people', '')),
    );
  const close = async () => {
    const r = await call('problem.meetingClose', { meetingId: meeting.id, version: meeting.version });
    if (r.ok) onClosed(r.value);
    else refuse(r.error);
  };

  const options = (settings?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: dept(d.code) }));
  return (
    <Paper withBorder p="xs" mt="sm" data-testid="pm-record" data-state={meeting.state}>
      <Stack gap="xs" ref={ref}>
        <Title order={4}>{t('pm.attendance')}</Title>
        {message && <Alert color="red">{message}</Alert>}
        {attendance.data?.length ? (
          <Table data-testid="pm-attendance">
            <Table.Tbody>
              {attendance.data.map((a) => (
                <Table.Tr key={a.department} data-department={a.department}>
                  <Table.Td fw={600}>{dept(a.department)}</Table.Td>
                  <Table.Td>{a.people.join('、')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">{t('pm.attendance.none')}</Text>
        )}
        {canEdit && (
          <>
            <Select
              label={t('pm.attendance.department')}
              data={options}
              {...form.getInputProps('department')}
              searchable
              data-testid="pm-att-department"
            />
            <TextInput label={t('pm.attendance.people')} {...form.getInputProps('people')} data-testid="pm-att-people" />
            <Group justify="space-between">
              <Button variant="light" onClick={() => void record()} disabled={!form.values.department} data-testid="pm-att-save">
                {t('pm.attendance.save')}
              </Button>
              <Button color="red" variant="outline" onClick={() => void close()} data-testid="pm-close">
                {t('pm.close')}
              </Button>
            </Group>
          </>
        )}
        {meeting.minutes && (
          <Group gap="xs">
            <Text c="dimmed">{t('pm.closed')}</Text>
            <Anchor href={fileUrl('minutes', meeting.id)} target="_blank" data-testid="pm-minutes-link">
              {t('pm.minutes')}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
