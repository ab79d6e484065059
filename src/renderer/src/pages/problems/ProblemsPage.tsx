import { Badge, Button, Checkbox, Group, Loader, Pagination, SegmentedControl, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PROBLEM_STATES } from '../../../../shared/domain/problems';
import type { Input } from '../../../../shared/contract';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { EmptyRow } from '../../components/EmptyRow';
import { LEVEL_COLOR, STATE_COLOR, useProblemSettings } from './use-problem-settings';
import { NewProblemModal } from './NewProblemModal';
import { NewMeetingModal } from './NewMeetingModal';
import { LoadError } from '../../components/LoadError';

const PAGE = 50;

/** Every enterprise problem: by state, mine only, or a drill-down from the blockage view (filters in the hash query). */
export function ProblemsPage({ drill = {} }: { drill?: Partial<Input<'problem.list'>> }) {
  const { t } = useTranslation();
  const { settings, dept, category } = useProblemSettings();
  const [state, setState] = useState<string>('all');
  const [mineOnly, setMineOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const [meeting, setMeeting] = useState(false);
  const input: Input<'problem.list'> = {
    states: state === 'all' ? [] : [state as (typeof PROBLEM_STATES)[number]],
    lead: null,
    category: null,
    grade: null,
    causeClass: null,
    causeUnit: null,
    overdueOnly: false,
    reassignedOnly: false,
    unsatisfiedOnly: false,
    mineOnly,
    offset: (page - 1) * PAGE,
    limit: PAGE,
    ...drill,
  };
  const { data, error, loading, reload } = useQuery('problem.list', input);
  const coordinator = settings && settings.myDepartment === settings.policy.coordinator;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3}>{t('pu.title')}</Title>
          {loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => navigate('/problems/blockages')} data-testid="problems-blockages">
            {t('pu.blockages')}
          </Button>
          {coordinator && (
            <Button
              size="xs"
              variant="default"
              disabled={picked.length === 0}
              onClick={() => setMeeting(true)}
              data-testid="problems-meeting"
            >
              {t('pu.meeting.new', { n: picked.length })}
            </Button>
          )}
          {settings?.myDepartment && (
            <Button size="xs" onClick={() => setCreating(true)} data-testid="problems-new">
              {t('pu.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Group mb="sm" gap="md">
        <SegmentedControl
          size="xs"
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          data={[{ value: 'all', label: t('pu.all') }, ...PROBLEM_STATES.map((s) => ({ value: s, label: t(`pr.state.${s}`) }))]}
          data-testid="problems-state"
        />
        <Switch size="xs" label={t('pu.mine')} checked={mineOnly} onChange={(e) => setMineOnly(e.currentTarget.checked)} />
        {Object.keys(drill).length > 0 && <Badge variant="light">{t('pu.drilled')}</Badge>}
      </Group>
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      <Table striped highlightOnHover data-testid="problems-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('pu.col.no')}</Table.Th>
            <Table.Th>{t('pu.col.firm')}</Table.Th>
            <Table.Th>{t('pu.col.title')}</Table.Th>
            <Table.Th>{t('pu.col.category')}</Table.Th>
            <Table.Th>{t('pu.col.grade')}</Table.Th>
            <Table.Th>{t('pu.col.lead')}</Table.Th>
            <Table.Th>{t('pu.col.state')}</Table.Th>
            <Table.Th>{t('pu.col.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.rows.length === 0 && <EmptyRow colSpan={9}>{t('pu.empty')}</EmptyRow>}
          {data?.rows.map((r) => (
            <Table.Tr
              key={r.id}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/problems/${r.id}`)}
              data-testid={`problem-row-${r.id}`}
            >
              <Table.Td onClick={(e) => e.stopPropagation()}>
                {r.state === 'new' && coordinator && (
                  <Checkbox
                    size="xs"
                    aria-label={r.problemNo}
                    checked={picked.includes(r.id)}
                    onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))}
                    data-testid={`problem-pick-${r.id}`}
                  />
                )}
              </Table.Td>
              <Table.Td>{r.problemNo}</Table.Td>
              <Table.Td>{r.firmName}</Table.Td>
              <Table.Td>{r.title}</Table.Td>
              <Table.Td>{category(r.category)}</Table.Td>
              <Table.Td>{r.grade ? t(`pr.grade.${r.grade}`) : '—'}</Table.Td>
              <Table.Td>{dept(r.lead)}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[r.state]} variant="light">
                  {t(`pr.state.${r.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.dueDate && r.state === 'dispatched' ? (
                  <Badge color={LEVEL_COLOR[r.level]} variant={r.level === 'ok' ? 'outline' : 'filled'}>
                    {r.dueDate}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {r.dueDate ?? '—'}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.total > PAGE && <Pagination mt="sm" total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />}
      {creating && <NewProblemModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/problems/${id}`)} />}
      {meeting && <NewMeetingModal agenda={picked} onClose={() => (setMeeting(false), void reload())} />}
    </>
  );
}
