import { Alert, Anchor, Badge, Button, Group, Loader, MultiSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitCode } from '../../../../shared/domain/units';
import { call, fileUrl } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { useActor } from '../../session';
import { useMeeting } from '../../components/meetings/use-meeting';
import { openAudience } from '../../components/meetings/open-audience';

/** `#/meetings/:id`: details, agenda, attendance by reviewer account, the way into session mode, closing and minutes. */
export function MeetingPage({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const actor = useActor();
  const { data: meeting, error, setData, reload } = useMeeting(meetingId);
  const reviewers = useQuery('accounts.reviewers', {});
  const [closing, setClosing] = useState(false);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!meeting) return <Loader />;
  const canEdit = actor?.role === 'clerk' && meeting.state === 'scheduled';

  const setAttendance = async (unit: UnitCode, ids: string[]) => {
    const r = await call('meeting.setAttendance', { meetingId, unit, userIds: ids.map(Number) });
    if (r.ok) setData(r.value);
    else setMessage(r.error.message);
  };

  const close = async () => {
    setBusy(true);
    const r = await call('meeting.close', {
      meetingId,
      version: meeting.version,
      notes: Object.entries(notes)
        .filter(([, text]) => text.trim())
        .map(([filingId, text]) => ({ filingId: Number(filingId), text })),
    });
    setBusy(false);
    if (r.ok) {
      setData(r.value);
      setClosing(false);
      setMessage(null);
    } else {
      setMessage(r.error.message);
      if (r.error.code === 'STALE') void reload();
    }
  };

  return (
    <Stack gap="md" data-testid="meeting-page" data-state={meeting.state} data-version={meeting.version}>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3}>{t('mt.session')}</Title>
              <Badge variant="light" color={meeting.state === 'closed' ? 'gray' : 'desk'} data-testid="meeting-state">
                {t(`mt.state.${meeting.state}`)}
              </Badge>
            </Group>
            <Text className="tabular">
              {meeting.date} {meeting.time} · {meeting.place}
            </Text>
            <Text size="sm" c="dimmed">
              {t('mt.field.host')}：{meeting.hostName}
            </Text>
          </Stack>
          <Group>
            {meeting.state === 'scheduled' && actor?.role === 'clerk' && (
              <Button onClick={() => navigate(`/meetings/${meetingId}/control`)} data-testid="enter-session">
                {t('mt.enterSession')}
              </Button>
            )}
            <Button variant="light" onClick={() => openAudience(meetingId)} data-testid="meeting-open-audience">
              {t('mt.openAudience')}
            </Button>
            {meeting.minutes && (
              <Anchor href={fileUrl('minutes', meetingId)} target="_blank" data-testid="minutes-link">
                {t('mt.downloadMinutes')}
              </Anchor>
            )}
          </Group>
        </Group>
      </Paper>
      {message && (
        <Alert color="red" data-testid="meeting-error">
          {message}
        </Alert>
      )}

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('mt.agenda')}
        </Title>
        <Table data-testid="meeting-agenda">
          <Table.Tbody>
            {meeting.agenda.map((a) => (
              <Table.Tr key={a.filingId} data-testid={`agenda-${a.position}`}>
                <Table.Td w={40}>{a.position + 1}</Table.Td>
                <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={`#/filings/${a.filingId}`}>{a.filingNo}</Anchor>
                </Table.Td>
                <Table.Td>{a.projectName}</Table.Td>
                <Table.Td>{a.applicantName}</Table.Td>
                <Table.Td>{t(`state.${a.state}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4}>{t('mt.attendance')}</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('mt.attendanceHint')}
        </Text>
        <Table data-testid="meeting-attendance">
          <Table.Tbody>
            {meeting.attendance.map((a) => (
              <Table.Tr key={a.unit} data-testid={`attendance-${a.unit}`} data-present={a.attendees.length > 0}>
                <Table.Td w={120}>{t(`unit.${a.unit}`)}</Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <MultiSelect
                      data={(reviewers.data ?? [])
                        .filter((r) => r.unit === a.unit)
                        .map((r) => ({ value: String(r.id), label: r.displayName }))}
                      value={a.attendees.map((p) => String(p.userId))}
                      onChange={(ids) => void setAttendance(a.unit, ids)}
                      placeholder={t('mt.absent')}
                      data-testid={`attendance-select-${a.unit}`}
                    />
                  ) : a.attendees.length ? (
                    a.attendees.map((p) => p.displayName).join('、')
                  ) : (
                    <Text c="dimmed">{t('mt.absent')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      {canEdit && (
        <Paper withBorder p="md">
          {!closing ? (
            <Button color="red" variant="light" onClick={() => setClosing(true)} data-testid="meeting-close">
              {t('mt.closeMeeting')}
            </Button>
          ) : (
            <Stack gap="sm" data-testid="meeting-close-form">
              <Text>{t('mt.closeConfirm')}</Text>
              {meeting.agenda.map((a) => (
                <Textarea
                  key={a.filingId}
                  label={t('mt.noteFor', { filingNo: a.filingNo })}
                  autosize
                  minRows={1}
                  value={notes[a.filingId] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [a.filingId]: e.currentTarget.value })}
                  data-testid={`meeting-note-${a.filingId}`}
                />
              ))}
              <Group>
                <Button color="red" onClick={close} loading={busy} data-testid="meeting-close-confirm">
                  {t('mt.closeMeeting')}
                </Button>
                <Button variant="default" onClick={() => setClosing(false)}>
                  {t('mt.cancel')}
                </Button>
              </Group>
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
