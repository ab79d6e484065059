import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { EXPORT_KINDS, type EXPORT_FORMATS } from '../../../../shared/contract/followup';
import { call, fileUrl } from '../../api/client';
import { useActor } from '../../session';

/** Filings, tracked items and (for administrators and observers) the audit log, as XLSX or CSV. */
export function ExportMenu() {
  const { t } = useTranslation();
  const actor = useActor();
  const [busy, setBusy] = useState(false);
  const kinds = EXPORT_KINDS.filter((k) => k !== 'audit' || actor?.role === 'admin' || actor?.role === 'observer');
  const run = async (kind: (typeof EXPORT_KINDS)[number], format: (typeof EXPORT_FORMATS)[number]) => {
    setBusy(true);
    const r = await call('export.create', { kind, format });
    setBusy(false);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    const a = document.createElement('a');
    a.href = fileUrl('export', r.value.id);
    a.download = r.value.filename;
    a.click();
    notifications.show({ color: 'green', message: t('fu.export.done', { name: r.value.filename, rows: r.value.rows }) });
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
