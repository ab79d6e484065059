import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/use-call';
import { navigate } from '../../router';
import { EmptyRow } from '../../components/EmptyRow';
import { ExportMenu } from '../../components/followup/ExportMenu';
import { useProblemSettings } from './use-problem-settings';
import { drillPath } from './drill';

/** Common blockages (共性堵点) across every problem; each figure opens the problems behind it. */
export function BlockagesPage() {
  const { t } = useTranslation();
  const { dept, category } = useProblemSettings();
  const { data, error, loading } = useQuery('problem.blockages', {});
  const days = (n: number | null) => (n === null ? '—' : t('pu.days', { n }));
  const link = (path: string, n: number, id: string) => (
    <Anchor onClick={() => navigate(path)} data-testid={id}>
      {n}
    </Anchor>
  );
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3}>{t('pu.bl.title')}</Title>
          {loading && <Loader size="xs" />}
          {data && <Badge variant="light">{t('pu.bl.total', { n: data.total })}</Badge>}
          {data && (
            <Badge
              variant="outline"
              color="red"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(drillPath('unsatisfied', 'all'))}
              data-testid="bl-unsatisfied"
            >
              {t('pu.bl.unsatisfied', { n: data.unsatisfiedVisits })}
            </Badge>
          )}
        </Group>
        <ExportMenu />
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {data && (
        <SimpleGrid cols={2} data-testid="blockages">
          <Card title={t('pu.bl.causes')} hint={t('pu.bl.causesHint')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pu.f.category')}</Table.Th>
                  <Table.Th>{t('pu.f.cause')}</Table.Th>
                  <Table.Th>{t('pu.f.causeUnit')}</Table.Th>
                  <Table.Th>{t('pu.bl.n')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.causes.length === 0 && <EmptyRow colSpan={4}>{t('pu.empty')}</EmptyRow>}
                {data.causes.slice(0, 15).map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{category(c.category)}</Table.Td>
                    <Table.Td>{t(`pr.cause.${c.class}`)}</Table.Td>
                    <Table.Td>{c.unit ? dept(c.unit) : '—'}</Table.Td>
                    <Table.Td>{link(drillPath('cause', `${c.category}~${c.class}~${c.unit ?? ''}`), c.n, `bl-cause-${i}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card title={t('pu.bl.solve')} hint={t('pu.bl.solveHint')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pu.f.category')}</Table.Th>
                  <Table.Th>{t('pu.f.grade')}</Table.Th>
                  <Table.Th>{t('pu.bl.n')}</Table.Th>
                  <Table.Th>{t('pu.bl.median')}</Table.Th>
                  <Table.Th>P90</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.solveDays.length === 0 && <EmptyRow colSpan={5}>{t('pu.empty')}</EmptyRow>}
                {data.solveDays.map((s, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{category(s.category)}</Table.Td>
                    <Table.Td>{t(`pr.grade.${s.grade}`)}</Table.Td>
                    <Table.Td>{link(drillPath('solved', `${s.category}~${s.grade}`), s.n, `bl-solved-${i}`)}</Table.Td>
                    <Table.Td>{days(s.median)}</Table.Td>
                    <Table.Td>{days(s.p90)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card title={t('pu.bl.overdue')}>
            <Counts rows={data.overdueByLead} name={dept} path={(k) => drillPath('overdue', k)} id="bl-overdue" />
          </Card>
          <Card title={t('pu.bl.reassigned')}>
            <Counts rows={data.reassignments} name={category} path={(k) => drillPath('reassigned', k)} id="bl-reassigned" />
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}

function Card({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function Counts({
  rows,
  name,
  path,
  id,
}: {
  rows: { key: string; n: number }[];
  name(k: string): string;
  path(k: string): string;
  id: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped>
      <Table.Tbody>
        {rows.length === 0 && <EmptyRow colSpan={2}>{t('pu.empty')}</EmptyRow>}
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{name(r.key)}</Table.Td>
            <Table.Td>
              <Anchor onClick={() => navigate(path(r.key))} data-testid={`${id}-${r.key}`}>
                {r.n}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
