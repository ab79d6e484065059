import { Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contract/followup';

/**
 * On paper the charts become their numbers: a chart drawn for the screen's width does not re-measure for the page,
 * and a monthly report is read for its figures. Shown only in print (dashboard-print.css); the per-unit table the
 * screen already has is printed as it is.
 */
export function DashboardPrintTables({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const v = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <SimpleGrid cols={2} className="dash-print-only" data-testid="dashboard-print-tables">
      <Figures
        title={t('dash.bySteps')}
        head={['', t('dash.filings'), t('dash.median'), t('dash.p90')]}
        rows={data.steps.map((s) => [t(`dash.step.${s.step}`), String(s.n), v(s.median), v(s.p90)])}
      />
      <Figures
        title={t('dash.overdueByUnit')}
        head={[t('dash.unit'), t('dash.overdue'), t('dash.onTime')]}
        rows={data.overdueByUnit.map((o) => [t(`unit.${o.unit}`), String(o.overdue), String(o.open - o.overdue)])}
      />
      <Figures
        title={t('dash.perMonth')}
        head={['', t('dash.submitted'), t('dash.accepted'), t('dash.registered')]}
        rows={data.perMonth.map((m) => [m.month, String(m.submitted), String(m.accepted), String(m.registered)])}
      />
      <Figures
        title={t('dash.byState')}
        head={['', t('dash.filings')]}
        rows={data.byState.filter((s) => s.n > 0).map((s) => [t(`state.${s.state}`), String(s.n)])}
      />
    </SimpleGrid>
  );
}

function Figures({ title, head, rows }: { title: string; head: string[]; rows: string[][] }) {
  return (
    <Paper withBorder p="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Table fz="xs" className="tabular">
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r[0]}>
              {r.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
