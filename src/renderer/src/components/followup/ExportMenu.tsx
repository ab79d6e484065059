import { Button, Group, Menu, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_KINDS, type EXPORT_FORMATS } from '../../../../shared/contract/followup';
import { call, callDirect } from '../../api/client';
import { saveFile } from '../../api/files';
import { useActor } from '../../session';
import { BusyButton } from '../BusyButton';

/** Filings, tracked items and (for administrators and observers) the audit log, as XLSX or CSV. */
export function ExportMenu() {
  const { t } = useTranslation();
  const actor = useActor();
  const [busy, setBusy] = useState(false);
  // Each run has a number; cancelling moves it on, so the answer of a cancelled run is dropped, never saved.
  const runNo = useRef(0);
  // The desk's id of the run in flight: what progress is asked about and what a cancel stops on the desk's side.
  const [runId, setRunId] = useState<string | null>(null);
  const progress = useExportProgress(runId);
  const target = useRef<HTMLButtonElement>(null);
  // The dashboard's figures are exported from the dashboard itself (DashboardExport), for the period shown there.
  const kinds = EXPORT_KINDS.filter((k) => k !== 'dashboard' && (k !== 'audit' || actor?.role === 'admin' || actor?.role === 'observer'));
  const run = async (kind: (typeof EXPORT_KINDS)[number], format: (typeof EXPORT_FORMATS)[number]) => {
    const mine = ++runNo.current;
    const id = newRunId();
    setRunId(id);
    setBusy(true);
    const r = await call('export.create', { kind, format, runId: id });
    if (mine !== runNo.current) return;
    setBusy(false);
    setRunId(null);
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
  const cancel = () => {
    runNo.current += 1;
    // The desk stops the run at its next chunk and keeps no file; the window stops waiting at once.
    if (runId) void callDirect('export.cancel', { runId });
    setRunId(null);
    setBusy(false);
    notifications.show({ color: 'gray', message: t('fu.export.cancelled') });
    target.current?.focus();
  };
  const menu = (
    <Menu withinPortal position="bottom-end">
      <Menu.Target>
        <BusyButton ref={target} variant="default" size="xs" busy={busy} data-testid="export-menu">
          {t('fu.export.title')}
        </BusyButton>
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
  // One tree whether busy or not: the menu's button keeps its place and with it the focus.
  return (
    <Group gap="xs" wrap="nowrap">
      {busy && (
        <>
          <Stack gap={2} w={170} data-testid="export-progress">
            <Text size="xs" role="status" data-testid="export-progress-text">
              {progress && progress.total !== null
                ? t('fu.export.progress', { written: progress.written, total: progress.total, percent: percentOf(progress) })
                : t('fu.export.running')}
            </Text>
            <Progress
              size="sm"
              value={progress ? percentOf(progress) : 0}
              aria-label={t('fu.export.progressLabel')}
              data-testid="export-progress-bar"
            />
          </Stack>
          <Button variant="subtle" size="compact-xs" onClick={cancel} data-testid="export-cancel">
            {t('fu.export.cancel')}
          </Button>
        </>
      )}
      {menu}
    </Group>
  );
}

const newRunId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const percentOf = (p: { written: number; total: number | null }) => (p.total ? Math.min(100, Math.floor((p.written / p.total) * 100)) : 0);

/** Asks the desk how far the run has got, a few times a second while it runs. */
function useExportProgress(runId: string | null) {
  // Kept with the run it belongs to, so a new run never shows the last one's figures.
  const [progress, setProgress] = useState<{ runId: string; written: number; total: number | null } | null>(null);
  useEffect(() => {
    if (!runId) return;
    let live = true;
    const ask = async () => {
      const r = await callDirect('export.progress', { runId });
      if (live && r.ok && r.value) setProgress({ runId, ...r.value });
    };
    const timer = setInterval(() => void ask(), 400);
    void ask();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId]);
  return progress && progress.runId === runId ? progress : null;
}
