import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { EXPORT_KINDS, type EXPORT_FORMATS } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { saveFile } from '../../api/files';
import { useActor } from '../../session';

/** Filings, tracked items and (for administrators and observers) the audit log, as XLSX or CSV. */
export function ExportMenu() {
  const { t } = useTranslation();
  const actor = useActor();
  const [busy, setBusy] = useState(false);
  // The dashboard's figures are exported from the dashboard itself (DashboardExport), for the period shown there.
  const kinds = EXPORT_KINDS.filter((k) => k !== 'dashboard' && (k !== 'audit' || actor?.role === 'admin' || actor?.role === 'observer'));
  const run = async (kind: (typeof EXPORT_KINDS)[number], format: (typeof EXPORT_FORMATS)[number]) => {
    setBusy(true);
    const r = await call('export.create', { kind, format });
    setBusy(false);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    // The toast follows what actually happened to the file, not that it was generated.
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
    <Menu withinPortal position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs" loading={busy} data-testid="export-menu">
          {t('fu.export.title')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {kinds.map((k) => (
          <div key={k}>
            <Menu.Label>{t(`fu.export.${k}`)}</Menu.Label>
            <Menu.Item onClick={() => void run(k, 'xlsx')} data-testid={`export-${k}-xlsx`}>
              Excel (.xlsx)
            </Menu.Item>
            <Menu.Item onClick={() => void run(k, 'csv')} data-testid={`export-${k}-csv`}>
              CSV (UTF-8)
            </Menu.Item>
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
