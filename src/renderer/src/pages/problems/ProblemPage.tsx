import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/use-call';
import { fileUrl } from '../../api/client';
import { formatStamp } from '../../components/review/labels';
import { DispatchForm } from './DispatchForm';
import { ActionsPanel } from './ActionsPanel';
import { ProblemMap } from './ProblemMap';
import { LEVEL_COLOR, STATE_COLOR, useProblemSettings } from './use-problem-settings';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** One enterprise problem: what is asked, who leads, the clock, what the signed-in department may do, the map, its history. */
export function ProblemPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { settings, dept, category } = useProblemSettings();
  const { data: p, error, setData } = useQuery('problem.get', { problemId: id });
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!p) return null;
  const coordinator = settings?.myDepartment === settings?.policy.coordinator;
  return (
    <Stack gap="sm" data-testid="problem-page" data-state={p.state} data-version={p.version}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{p.title}</Title>
          <Badge color={STATE_COLOR[p.state]} data-testid="problem-state">
            {t(`pr.state.${p.state}`)}
          </Badge>
          {p.grade && <Badge variant="outline">{t(`pr.grade.${p.grade}`)}</Badge>}
          {p.clock && (
            <Badge color={LEVEL_COLOR[p.clock.level]} data-testid="problem-clock">
              {p.clock.paused ? t('pu.paused') : t('pu.due', { date: p.clock.dueDate, n: p.clock.daysLeft })}
            </Badge>
          )}
          {p.clock?.report !== undefined && p.clock.report !== 'ok' && <Badge color="yellow">{t(`pu.report.${p.clock.report}`)}</Badge>}
        </Group>
        <Text c="dimmed">{p.problemNo}</Text>
      </Group>
      <Grid>
        <Grid.Col span={5}>
          <Paper withBorder p="sm">
            <Table variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Row k={t('pu.f.firm')} v={`${p.firmName}（${p.creditCode}）`} />
                <Row k={t('pu.f.source')} v={t(`pr.source.${p.source}`)} />
                <Row k={t('pu.f.category')} v={category(p.category)} />
                <Row k={t('pu.f.lead')} v={dept(p.lead)} />
                <Row k={t('pu.f.cooperating')} v={p.cooperating.map(dept).join('、') || '—'} />
                <Row k={t('pu.f.opinion')} v={p.nextStep || '—'} />
                {p.gradeReason && <Row k={t('pu.f.gradeReason')} v={p.gradeReason} />}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {p.request}
            </Text>
            {p.attachments.length > 0 && (
              <Stack gap={2} mt="xs" data-testid="problem-files">
                <Text size="sm" fw={600}>
                  {t('pm.files.list')}
                </Text>
                {p.attachments.map((a) => (
                  <Anchor
                    key={a.id}
                    size="sm"
                    href={fileUrl('problem-attachment', a.id)}
                    target="_blank"
                    data-testid={`problem-file-${a.id}`}
                  >
                    {a.name}（{Math.max(1, Math.round(a.size / 1024))} KB）
                  </Anchor>
                ))}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={7}>
          {p.state === 'new' && coordinator ? (
            <Paper withBorder p="sm">
              <DispatchForm problem={p} meetingId={null} onDone={setData} />
            </Paper>
          ) : (
            <ActionsPanel problem={p} today={today()} onDone={setData} />
          )}
        </Grid.Col>
      </Grid>
      <ProblemMap problemId={p.id} version={p.version} />
      <History p={p} dept={dept} />
    </Stack>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <Table.Tr>
      <Table.Th w={110}>{k}</Table.Th>
      <Table.Td>{v}</Table.Td>
    </Table.Tr>
  );
}

function History({ p, dept }: { p: NonNullable<ReturnType<typeof useQuery<'problem.get'>>['data']>; dept(c: string | null): string }) {
  const { t } = useTranslation();
  const rows = [
    ...p.reports.map((r) => ({ at: r.at, who: dept(r.department), what: t(`pr.report.${r.kind}`), text: r.text })),
    ...p.visits.map((v) => ({
      at: v.at,
      who: v.by ?? '',
      what: t(v.satisfied ? 'pr.ev.problem.closed' : 'pr.ev.problem.reopened'),
      text: v.notes,
    })),
    ...p.blockages.map((b) => ({
      at: b.at,
      who: dept(b.lead),
      what: `${t('pr.ev.problem.blockage')} · ${t(`pr.cause.${b.class}`)}${b.unit ? ` · ${dept(b.unit)}` : ''}`,
      text: b.text,
    })),
    ...p.assignments
      .slice(1)
      .map((a) => ({ at: a.from, who: a.by ?? '', what: `${t('pr.ev.problem.handover')} → ${dept(a.lead)}`, text: a.reason })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Table striped data-testid="problem-history">
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td w={150}>{formatStamp(r.at)}</Table.Td>
            <Table.Td w={160}>{r.who}</Table.Td>
            <Table.Td w={220}>{r.what}</Table.Td>
            <Table.Td>{r.text}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
