import { Alert, Badge, Button, Grid, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { call } from '../../api/client';
import { useMeeting } from '../../components/meetings/use-meeting';
import { openAudience } from '../../components/meetings/open-audience';
import { MeetingRecordPanel } from './MeetingRecordPanel';
import { useActor } from '../../session';
import { DispatchForm } from './DispatchForm';
import { STATE_COLOR, useProblemSettings } from './use-problem-settings';

/**
 * An assignment meeting (企业问题交办会), the host's screen: the agenda of problems on the left, the problem under
 * discussion large on the right, dispatched at the table to its lead unit with the meeting on record. Choosing a
 * problem moves the joint session's shared position, which the audience window (#/meetings/:id/audience) follows.
 */
export function AssignmentMeetingPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { category } = useProblemSettings();
  const meeting = useMeeting(id);
  const agenda = useQuery('problem.meetingAgenda', { meetingId: id });
  // The clerk hosting an open meeting moves the shared position; anyone else (or a closed meeting) browses locally.
  const [browse, setBrowse] = useState(0);
  const closed = meeting.data?.state === 'closed';
  const hosting = useActor()?.role === 'clerk' && !closed;
  const cursor = hosting ? (meeting.data?.cursor ?? 0) : browse;
  const setCursor = async (position: number) => {
    setBrowse(position);
    if (!hosting) return;
    const r = await call('meeting.setCursor', { meetingId: id, position, focusUnit: null });
    if (r.ok) meeting.setData(r.value);
  };
  const current = agenda.data?.[cursor];
  const problem = useQuery('problem.get', current ? { problemId: current.id } : null);
  const error = meeting.error ?? agenda.error;
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!meeting.data || !agenda.data) return null;
  const m = meeting.data;
  return (
    <Stack gap="sm" data-testid="assignment-meeting" style={{ fontSize: 18 }}>
      <Group justify="space-between">
        <Title order={2}>{t('pu.meeting.heading', { date: m.date, time: m.time, place: m.place })}</Title>
        <Group gap="xs">
          <Button variant="light" onClick={() => openAudience(m.id)} data-testid="pm-open-audience">
            {t('pm.audience')}
          </Button>
          <Button variant="default" onClick={() => navigate('/problems')}>
            {t('pu.back')}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={4}>
          <Paper withBorder p="xs">
            {agenda.data.map((r, i) => (
              <NavLink
                key={r.id}
                active={i === cursor}
                onClick={() => void setCursor(i)}
                label={`${i + 1}. ${r.title}`}
                description={r.firmName}
                rightSection={<Badge color={STATE_COLOR[r.state]}>{t(`pr.state.${r.state}`)}</Badge>}
                data-testid={`agenda-${i}`}
              />
            ))}
          </Paper>
          <MeetingRecordPanel meeting={m} onClosed={(v) => meeting.setData(v)} />
        </Grid.Col>
        <Grid.Col span={8}>
          {problem.data && (
            <Paper withBorder p="md" data-testid="meeting-current" data-state={problem.data.state}>
              <Title order={3}>{problem.data.title}</Title>
              <Text size="lg" c="dimmed">
                {problem.data.firmName} · {category(problem.data.category)}
              </Text>
              <Text size="lg" my="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {problem.data.request}
              </Text>
              {problem.data.state === 'new' && closed ? (
                <Text c="dimmed">{t('pm.awaiting')}</Text>
              ) : problem.data.state === 'new' ? (
                <DispatchForm problem={problem.data} meetingId={m.id} onDone={(p) => (problem.setData(p), void agenda.reload())} />
              ) : (
                <Button variant="light" onClick={() => navigate(`/problems/${problem.data!.id}`)} data-testid="meeting-open-problem">
                  {t('pu.meeting.dispatched')}
                </Button>
              )}
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
