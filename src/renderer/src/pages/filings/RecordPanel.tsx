import { Alert, Button, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { FilingForm } from '../../components/filing/FilingForm';
import { changedPaths } from '../../components/filing/field-errors';
import { clockText, stampText } from '../../components/filing/format';
import type { Draft } from './use-draft';

/** "保存中…" / "已保存 hh:mm" / why it did not save. */
export function SaveIndicator({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { status, savedAt } = draft;
  let text: string;
  let color: string | undefined = 'dimmed';
  if (status === 'saving') text = t('fr.saving');
  else if (status === 'invalid') {
    text = draft.invalidCount ? t('fr.invalid', { n: draft.invalidCount }) : (draft.message ?? t('err.INVALID'));
    color = 'red';
  } else if (status === 'error') {
    text = draft.message ?? t('err.INTERNAL');
    color = 'red';
  } else if (status === 'offline') {
    text = t('fr.offline');
    color = 'orange.8';
  } else if (status === 'stale') {
    text = t('fr.staleShort');
    color = 'red';
  } else if (status === 'dirty') text = t('fr.dirty');
  else if (savedAt) text = t('fr.savedAt', { time: clockText(savedAt) });
  else text = '';
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="save-status" data-status={status}>
      {status === 'saving' && <Loader size={12} />}
      <Text size="sm" c={color}>
        {text}
      </Text>
    </Group>
  );
}

/** Someone else saved first: show what they changed and offer to load it; the clerk's own values are kept until then. */
export function StaleBanner({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const current = draft.stale;
  const diff = current ? changedPaths(draft.values, current.fields).slice(0, 30) : [];
  return (
    <Alert color="red" variant="light" title={t('fr.staleTitle')} data-testid="stale-banner">
      <Stack gap="xs">
        <Text size="sm">
          {current ? t('fr.staleBody', { version: current.version, at: stampText(current.updatedAt) }) : t('err.STALE')}
        </Text>
        {diff.length > 0 && (
          <ScrollArea.Autosize mah={220}>
            <Table verticalSpacing={2} fz="xs" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fr.diff.field')}</Table.Th>
                  <Table.Th>{t('fr.diff.mine')}</Table.Th>
                  <Table.Th>{t('fr.diff.theirs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.map((d) => (
                  <Table.Tr key={d.path}>
                    <Table.Td>
                      {t(`ff.${d.path.replace(/\.\d+(?=\.|$)/g, '').replace(/^project\.(products|chemicals)\./, '$1.')}`, {
                        defaultValue: d.path,
                      })}
                    </Table.Td>
                    <Table.Td>{d.mine || '—'}</Table.Td>
                    <Table.Td>{d.theirs || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group>
          <Button size="xs" color="red" onClick={() => void draft.reloadCurrent()} data-testid="stale-reload">
            {t('fr.staleReload')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('fr.staleHint')}
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}

export function RecordPanel({ draft, settings, readOnly }: { draft: Draft; settings: Settings | null; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {draft.stale !== null || draft.status === 'stale' ? <StaleBanner draft={draft} /> : null}
      {readOnly && (
        <Text size="sm" c="dimmed" data-testid="record-readonly">
          {t('fr.readOnly')}
        </Text>
      )}
      <FilingForm
        settings={settings}
        b={{
          values: draft.values,
          set: draft.set,
          touch: draft.touch,
          errors: draft.errors,
          readOnly: readOnly || draft.status === 'stale',
        }}
      />
    </Stack>
  );
}
