import { Anchor, Badge, Button, Group, Progress, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRef, useState } from 'react';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Settings } from '../../../../shared/schemas/settings';
import type { AppError } from '../../../../shared/result';
import { call, fileUrl } from '../../api/client';
import { sizeText } from '../../components/filing/format';
import { readBase64 } from '../../components/followup/file';
import { useLocalName } from '../../components/filing/use-settings';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.ofd';
const MAX_BYTES = 20 * 1024 * 1024;

type Busy = { code: string; phase: 'reading' | 'uploading'; percent: number };

/** The server names the problem by field (`file`, `file.contentBase64`); show its words, not a generic one. */
const errorText = (e: AppError) => (e.fields && Object.values(e.fields).length ? Object.values(e.fields).join('；') : e.message);

export function MaterialsTab({
  view,
  settings,
  canEdit,
  onView,
  reload,
}: {
  view: FilingView;
  settings: Settings | null;
  canEdit: boolean;
  onView(v: FilingView): void;
  reload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const name = useLocalName();
  const [busy, setBusy] = useState<Busy | null>(null);
  // The switch shows the clerk's intent at once; the server's answer settles it (or puts it back, with the error).
  const [pending, setPending] = useState<{ code: string; present: boolean } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const types = settings?.materialTypes ?? [];

  const settle = async (code: string, r: Awaited<ReturnType<typeof call<'material.attach'>>>) => {
    if (r.ok) {
      setErrors(({ [code]: _, ...rest }) => rest);
      onView(r.value);
      return;
    }
    setErrors((e) => ({ ...e, [code]: errorText(r.error) }));
    // A stale version only means someone (or an autosave) got there first: show the latest and let the clerk retry.
    if (r.error.code === 'STALE') await reload();
  };

  const attach = async (code: string, file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setErrors((e) => ({ ...e, [code]: t('v.file.tooLarge') }));
      return;
    }
    setBusy({ code, phase: 'reading', percent: 0 });
    try {
      const contentBase64 = await readBase64(file, (percent) => setBusy({ code, phase: 'reading', percent }));
      setBusy({ code, phase: 'uploading', percent: 100 });
      await settle(
        code,
        await call('material.attach', { filingId: view.id, version: view.version, code, file: { name: file.name, contentBase64 } }),
      );
    } catch {
      setErrors((e) => ({ ...e, [code]: t('v.file.base64') }));
    } finally {
      setBusy(null);
      const input = inputs.current[code];
      if (input) input.value = '';
    }
  };

  const setPaper = async (code: string, present: boolean) => {
    setBusy({ code, phase: 'uploading', percent: 100 });
    setPending({ code, present });
    const r = await call('material.setState', {
      filingId: view.id,
      version: view.version,
      code,
      state: present ? 'present' : 'missing',
      note: '',
    });
    setBusy(null);
    setPending(null);
    await settle(code, r);
  };

  const present = view.materials.filter((m) => m.applicable && m.state === 'present').length;
  const applicable = view.materials.filter((m) => m.applicable).length;
  return (
    <Stack gap="xs" data-testid="materials-tab">
      <Text size="sm" c="dimmed">
        {t('fm.summary', { present, applicable })}
      </Text>
      <Table withTableBorder highlightOnHover verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48} style={{ whiteSpace: 'nowrap' }}>
              {t('fm.no')}
            </Table.Th>
            <Table.Th>{t('fm.name')}</Table.Th>
            <Table.Th w={230}>{t('fm.kind')}</Table.Th>
            <Table.Th w={80} style={{ whiteSpace: 'nowrap' }}>
              {t('fm.applicable')}
            </Table.Th>
            <Table.Th w={80}>{t('fm.state')}</Table.Th>
            <Table.Th>{t('fm.attachments')}</Table.Th>
            {canEdit && <Table.Th w={240}>{t('fm.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.materials.map((m) => {
            const type = types.find((x) => x.code === m.code);
            const rowBusy = busy?.code === m.code;
            return (
              <Table.Tr
                key={m.code}
                data-testid={`material-${m.code}`}
                data-state={m.state}
                data-applicable={m.applicable}
                // Greyed by background, not opacity: faded text would fall below 4.5:1.
                style={m.applicable ? undefined : { background: 'var(--mantine-color-gray-1)' }}
              >
                <Table.Td className="tabular">{type?.no ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="sm">{name(type, m.code)}</Text>
                  {errors[m.code] && (
                    <Text size="xs" c="red" role="alert" data-testid={`material-error-${m.code}`}>
                      {errors[m.code]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge
                      size="sm"
                      radius="sm"
                      variant={m.kind === 'core' ? 'filled' : 'light'}
                      color={m.kind === 'core' ? 'desk' : 'grape'}
                      style={{ flexShrink: 0 }}
                    >
                      {t(`fm.kind.${m.kind}`)}
                    </Badge>
                    {m.kind === 'eligible' && type?.maxDays ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('fm.maxDays', { n: type.maxDays })}
                      </Text>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={m.applicable ? undefined : 'dimmed'}>
                    {m.applicable ? t('fm.yes') : t('fm.notApplicable')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    radius="sm"
                    variant="light"
                    color={m.state === 'present' ? 'green' : m.applicable ? 'red' : 'gray'}
                    data-testid={`material-state-${m.code}`}
                  >
                    {t(`fm.state.${m.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {m.attachments.map((a) => (
                      <Text key={a.id} size="xs" data-testid={`attachment-${m.code}`} title={a.sha256}>
                        <Anchor href={fileUrl('attachment', a.id)} target="_blank" rel="noopener" size="xs">
                          {a.name}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          ({sizeText(a.size)})
                        </Text>
                      </Text>
                    ))}
                    {m.attachments.length === 0 && m.state === 'present' && (
                      <Text size="xs" c="dimmed">
                        {t('fm.paperOnly')}
                      </Text>
                    )}
                    {rowBusy && (
                      <Group gap={6} wrap="nowrap" data-testid={`material-progress-${m.code}`}>
                        <Progress
                          value={busy.percent}
                          animated={busy.phase === 'uploading'}
                          striped={busy.phase === 'uploading'}
                          w={120}
                          size="sm"
                        />
                        <Text size="xs" c="dimmed">
                          {t(`fm.${busy.phase}`)}
                        </Text>
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <input
                        type="file"
                        accept={ACCEPT}
                        hidden
                        ref={(el) => {
                          inputs.current[m.code] = el;
                        }}
                        onChange={(e) => void attach(m.code, e.currentTarget.files?.[0])}
                        data-testid={`attach-input-${m.code}`}
                        aria-label={t('fm.attachFor', { name: name(type, m.code) })}
                      />
                      <Button
                        size="compact-xs"
                        variant="light"
                        disabled={busy !== null}
                        onClick={() => inputs.current[m.code]?.click()}
                        data-testid={`attach-${m.code}`}
                      >
                        {t('fm.attach')}
                      </Button>
                      <Switch
                        size="xs"
                        label={t('fm.paper')}
                        checked={pending?.code === m.code ? pending.present : m.state === 'present'}
                        disabled={busy !== null}
                        onChange={(e) => void setPaper(m.code, e.currentTarget.checked)}
                        data-testid={`paper-${m.code}`}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('fm.acceptHint')}
      </Text>
    </Stack>
  );
}
