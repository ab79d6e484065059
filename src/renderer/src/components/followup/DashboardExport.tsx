import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { EXPORT_FORMATS } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { saveFile } from '../../api/files';
import './dashboard-print.css';

/**
 * The dashboard's own figures for the period on screen: XLSX (a sheet per chart) or CSV through export.create, and
 * the browser's print for the monthly report (the print layout is in dashboard-print.css).
 */
export function DashboardExport({ months }: { months: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (format: (typeof EXPORT_FORMATS)[number]) => {
    setBusy(true);
    const r = await call('export.create', { kind: 'dashboard', format, months });
    setBusy(false);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    const saved = await saveFile('export', r.value.id, r.value.filename);
    if (!saved.ok) return notifications.show({ color: 'red', message: saved.error.message });
    if (!saved.value.saved) return notifications.show({ color: 'gray', message: t('desk.download.cancelled') });
    const done = t('fu.export.done', { name: r.value.filename, rows: r.value.rows });
    notifications.show({
      color: 'green',
      message: saved.value.path ? `${done} · ${t('desk.download.saved', { path: saved.value.path })}` : done,
    });
  };
  return (
    <Group gap="xs" className="dash-no-print">
      <Button variant="default" size="xs" loading={busy} onClick={() => void run('xlsx')} data-testid="dashboard-export-xlsx">
        {t('dash.export.xlsx')}
      </Button>
      <Button variant="default" size="xs" loading={busy} onClick={() => void run('csv')} data-testid="dashboard-export-csv">
        {t('dash.export.csv')}
      </Button>
      <Button variant="default" size="xs" onClick={() => window.print()} data-testid="dashboard-print">
        {t('dash.export.print')}
      </Button>
    </Group>
  );
}
