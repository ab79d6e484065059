import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import type { Output } from '../../../../shared/contract';
import { errorsUnder } from './format';
import { CertificateSection, LimitsSection, UnitsSection } from './SettingsGeneral';
import { ParksSection } from './SettingsParks';
import { MaterialsSection } from './SettingsMaterials';
import { ChecklistsSection } from './SettingsChecklists';
import { CoverageSection } from './SettingsCoverage';
import { ProblemSettingsSection } from './SettingsProblems';

export type SettingsValues = Output<'settings.get'>;
export type SettingsForm = UseFormReturnType<SettingsValues>;

/** Each tab and the top-level settings keys whose errors it shows, so a failed save points at the right tab. */
const TABS = [
  { key: 'units', prefixes: ['units'] },
  { key: 'parks', prefixes: ['parks'] },
  { key: 'materials', prefixes: ['materialTypes'] },
  { key: 'coverage', prefixes: ['factCoverage'] },
  { key: 'checklists', prefixes: ['checklists'] },
  { key: 'limits', prefixes: ['timeLimits', 'runPeriod', 'sessions'] },
  { key: 'certificate', prefixes: ['certificate', 'conditionalPolicy', 'projectCodeRequired'] },
  // Enterprise problems' tables: their own form and save button (ProblemSettingsSection).
  { key: 'problems', prefixes: [] },
] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery('settings.get', {});
  if (error)
    return (
      <Alert color="red" variant="light">
        {error.message}
      </Alert>
    );
  if (!data) return <Loader size="sm" />;
  return (
    <Stack gap="sm">
      <div>
        <Title order={3}>{t('admin.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('admin.settings.intro')}
        </Text>
      </div>
      <SettingsEditor initial={data} />
    </Stack>
  );
}

/** Number inputs hand back '' for an empty box; only maxDays may be empty (null), the rest go to the server as typed. */
function normalise(v: SettingsValues): SettingsValues {
  return { ...v, materialTypes: v.materialTypes.map((m) => ({ ...m, maxDays: (m.maxDays as unknown) === '' ? null : m.maxDays })) };
}

function SettingsEditor({ initial }: { initial: SettingsValues }) {
  const { t } = useTranslation();
  const form = useForm<SettingsValues>({ initialValues: initial });
  const [tab, setTab] = useState<string>('units');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const errorCount = (prefixes: readonly string[]) => prefixes.reduce((n, p) => n + errorsUnder(form.errors, p).length, 0);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    const r = await call('settings.update', normalise(form.values));
    setBusy(false);
    if (!r.ok) {
      const fields = r.error.fields ?? {};
      form.setErrors(fields);
      const count = Object.keys(fields).length;
      setMessage(count ? t('admin.settings.errors', { count }) : r.error.message);
      const first = TABS.find((x) => x.prefixes.some((p) => errorsUnder(fields, p).length));
      if (first) setTab(first.key);
      return;
    }
    form.setInitialValues(r.value);
    form.setValues(r.value);
    form.resetDirty(r.value);
    form.clearErrors();
    notifications.show({ color: 'green', message: t('admin.saved') });
  };

  const dirty = form.isDirty();
  return (
    <Stack gap="sm">
      {/* The problems tab saves its own tables with its own button: this bar would not save them. */}
      <Paper withBorder p="xs" pos="sticky" top={56} style={{ zIndex: 5 }} display={tab === 'problems' ? 'none' : undefined}>
        <Group justify="space-between">
          <Group gap="xs">
            {dirty ? (
              <Badge color="orange" variant="light" data-testid="settings-dirty">
                {t('admin.settings.unsaved')}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.settings.clean')}
              </Text>
            )}
            {message && (
              <Text c="red" size="sm" role="alert" data-testid="settings-error">
                {message}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              disabled={!dirty || busy}
              onClick={() => {
                form.reset();
                form.clearErrors();
                setMessage(null);
              }}
              data-testid="settings-discard"
            >
              {t('admin.settings.discard')}
            </Button>
            <Button onClick={() => void save()} loading={busy} disabled={!dirty} data-testid="settings-save">
              {t('admin.settings.save')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'units')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => {
            const n = errorCount(x.prefixes);
            return (
              <Tabs.Tab
                key={x.key}
                value={x.key}
                data-testid={`settings-tab-${x.key}`}
                rightSection={
                  n ? (
                    <Badge size="xs" color="red" circle>
                      {n}
                    </Badge>
                  ) : null
                }
              >
                {t(`admin.settings.tab.${x.key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="units" pt="sm">
          <UnitsSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="parks" pt="sm">
          <ParksSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="sm">
          <MaterialsSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="sm">
          <CoverageSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="checklists" pt="sm">
          <ChecklistsSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="limits" pt="sm">
          <LimitsSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="certificate" pt="sm">
          <CertificateSection form={form} />
        </Tabs.Panel>
        <Tabs.Panel value="problems" pt="sm">
          <ProblemSettingsSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
