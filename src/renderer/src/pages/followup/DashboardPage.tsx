import { Alert, Badge, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useQuery } from '../../hooks/use-call';
import { useLiveReload } from '../../components/review/use-live';
import { DashboardExport } from '../../components/followup/DashboardExport';
import { DashboardPrintTables } from '../../components/followup/DashboardPrintTables';

/** Oversight across filings (domain §10): where cases are, how long each step and each unit takes, where they wait. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [months, setMonths] = useState('12');
  const { data, error, loading, reload } = useQuery('dashboard.get', { months: Number(months) });
  useLiveReload(['filing.changed'], reload);
  const days = (n: number | null) => (n === null ? '—' : t('dash.days', { n }));

  return (
    <Stack gap="md" data-testid="dashboard" data-ms={data?.elapsedMs.toFixed(1)}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{t('dash.title')}</Title>
          {loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs" className="dash-no-print">
          <DashboardExport months={Number(months)} />
          <Text size="sm" c="dimmed">
            {t('dash.period')}
          </Text>
          <SegmentedControl
            size="xs"
            value={months}
            onChange={setMonths}
            data={['6', '12', '24'].map((m) => ({ value: m, label: t('dash.months', { n: m }) }))}
            data-testid="dashboard-months"
          />
        </Group>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {data && (
        <>
          <Text className="dash-print-only" fw={600} data-testid="dashboard-print-period">
            {t('dash.printPeriod', { from: data.fromMonth, today: data.today })}
          </Text>
          <SimpleGrid cols={4}>
            <Stat label={t('dash.total')} value={String(data.total)} testId="dash-total" />
            <Stat label={t('state.in_review')} value={String(data.byState.find((s) => s.state === 'in_review')?.n ?? 0)} />
            <Stat label={t('state.registered')} value={String(data.byState.find((s) => s.state === 'registered')?.n ?? 0)} />
            <Stat label={t('dash.overdueItems')} value={String(data.overdueByUnit.reduce((a, u) => a + u.overdue, 0))} color="red" />
          </SimpleGrid>
          {data.bottleneck && (
            <Alert
              color="orange"
              variant="light"
              title={t('dash.bottleneck')}
              data-testid="dashboard-bottleneck"
              data-unit={data.bottleneck.unit}
            >
              {t(`dash.bottleneckText.${data.bottleneck.basis}`, {
                unit: t(`unit.${data.bottleneck.unit}`),
                median: data.bottleneck.median,
                waiting: data.bottleneck.waitingNow,
              })}
            </Alert>
          )}
          <SimpleGrid cols={2} className="dash-charts">
            <Card title={t('dash.byUnit')} hint={t('dash.byUnitHint')}>
              <BarChart
                h={240}
                data={data.units.map((u) => ({ unit: t(`unit.${u.unit}`), median: u.median ?? 0, p90: u.p90 ?? 0 }))}
                dataKey="unit"
                withLegend
                series={[
                  { name: 'median', color: 'blue.6', label: t('dash.median') },
                  { name: 'p90', color: 'indigo.3', label: t('dash.p90') },
                ]}
                unit={t('dash.daysUnit')}
              />
            </Card>
            <Card title={t('dash.waiting')} hint={t('dash.waitingHint')}>
              <BarChart
                h={240}
                data={data.units.map((u) => ({
                  unit: t(`unit.${u.unit}`),
                  waitingMedian: u.waitingMedian ?? 0,
                  waitingMax: u.waitingMax ?? 0,
                }))}
                dataKey="unit"
                withLegend
                series={[
                  { name: 'waitingMedian', color: 'orange.6', label: t('dash.median') },
                  { name: 'waitingMax', color: 'orange.3', label: t('dash.waitingMax') },
                ]}
                unit={t('dash.daysUnit')}
              />
            </Card>
            <Card title={t('dash.bySteps')} hint={t('dash.byStepsHint')}>
              <BarChart
                h={260}
                data={data.steps.map((s) => ({ step: t(`dash.step.${s.step}`), median: s.median ?? 0, p90: s.p90 ?? 0 }))}
                dataKey="step"
                withLegend
                series={[
                  { name: 'median', color: 'teal.6', label: t('dash.median') },
                  { name: 'p90', color: 'teal.3', label: t('dash.p90') },
                ]}
                unit={t('dash.daysUnit')}
              />
            </Card>
            <Card title={t('dash.overdueByUnit')}>
              <BarChart
                h={240}
                data={data.overdueByUnit.map((u) => ({ unit: t(`unit.${u.unit}`), overdue: u.overdue, onTime: u.open - u.overdue }))}
                dataKey="unit"
                type="stacked"
                withLegend
                series={[
                  { name: 'overdue', color: 'red.6', label: t('dash.overdue') },
                  { name: 'onTime', color: 'gray.4', label: t('dash.onTime') },
                ]}
              />
            </Card>
            <Card title={t('dash.perMonth')}>
              <LineChart
                h={240}
                data={data.perMonth.map((m) => ({ ...m, month: m.month.slice(2) }))}
                dataKey="month"
                withLegend
                curveType="linear"
                series={[
                  { name: 'submitted', color: 'blue.6', label: t('dash.submitted') },
                  { name: 'accepted', color: 'teal.6', label: t('dash.accepted') },
                  { name: 'registered', color: 'grape.6', label: t('dash.registered') },
                ]}
              />
            </Card>
            <Card title={t('dash.byState')}>
              <BarChart
                h={300}
                data={data.byState.filter((s) => s.n > 0).map((s) => ({ state: t(`state.${s.state}`), n: s.n }))}
                dataKey="state"
                orientation="vertical"
                yAxisProps={{ width: 96, interval: 0 }}
                series={[{ name: 'n', color: 'blue.5', label: t('dash.filings') }]}
              />
            </Card>
          </SimpleGrid>
          <DashboardPrintTables data={data} />
          <Card title={t('dash.unitTable')}>
            <Table data-testid="dashboard-units" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dash.unit')}</Table.Th>
                  <Table.Th>{t('dash.decisions')}</Table.Th>
                  <Table.Th>{t('dash.median')}</Table.Th>
                  <Table.Th>{t('dash.p90')}</Table.Th>
                  <Table.Th>{t('dash.waitingNow')}</Table.Th>
                  <Table.Th>{t('dash.waitingMax')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.units.map((u) => (
                  <Table.Tr key={u.unit} data-testid={`dash-unit-${u.unit}`} bg={u.unit === data.bottleneck?.unit ? 'orange.0' : undefined}>
                    <Table.Td>
                      {t(`unit.${u.unit}`)}
                      {u.unit === data.bottleneck?.unit && (
                        <Badge ml={6} size="xs" color="orange">
                          {t('dash.bottleneckShort')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{u.n}</Table.Td>
                    <Table.Td>{days(u.median)}</Table.Td>
                    <Table.Td>{days(u.p90)}</Table.Td>
                    <Table.Td>{u.waitingNow}</Table.Td>
                    <Table.Td>{days(u.waitingMax)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Text size="xs" c="dimmed">
            {t('dash.footer', { from: data.fromMonth, today: data.today, ms: data.elapsedMs.toFixed(0) })}
          </Text>
        </>
      )}
    </Stack>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: string; color?: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} className="tabular" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Card({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb={2}>
        {title}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}
