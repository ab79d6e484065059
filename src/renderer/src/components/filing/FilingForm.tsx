import { Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { HAZARDOUS_PROCESSES } from '../../../../shared/domain/units';
import { CREDIT_STATUSES, EIA_CATEGORIES } from '../../../../shared/schemas/filing';
import type { Settings } from '../../../../shared/schemas/settings';
import { binder, type FormBinding } from './bind';
import { ListEditor } from './ListEditors';
import { DateTextInput, QuantityInput } from './TypedFields';
import { useLocalName } from './use-settings';
import { PrintCheck } from './PrintCheck';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Every field of the filing record (domain §4). Values and errors are owned by the caller. */
export function FilingForm({ b, settings }: { b: FormBinding; settings: Settings | null }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const bind = binder(b, t);
  const parks = settings?.parks ?? [];
  const park = parks.find((p) => p.id === b.values.project.parkId);

  const choosePark = (id: string | null) => {
    const p = parks.find((x) => x.id === id);
    b.set('project.parkId', id ?? '');
    // A park with one pilot base leaves nothing to choose.
    b.set('project.baseId', p && p.bases.length === 1 ? p.bases[0]!.id : '');
  };

  const grade = b.values.project.hazardGrade;
  return (
    <Stack gap="sm" data-testid="filing-form">
      <Section title={t('ff.section.applicant')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
          <TextInput {...bind.text('applicant.name')} />
          <TextInput
            {...bind.text('applicant.creditCode')}
            placeholder="91350100M000100Y43"
            maxLength={24}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <TextInput {...bind.text('applicant.legalRepresentative')} />
          <TextInput {...bind.text('applicant.contactName')} />
          <TextInput {...bind.text('applicant.contactMobile')} placeholder="13800000000" inputMode="tel" />
          <TextInput {...bind.text('applicant.address')} />
          <Select
            {...bind.select('applicant.creditStatus')}
            data={CREDIT_STATUSES.map((v) => ({ value: v, label: t(`ff.creditStatus.${v}`) }))}
          />
          <DateTextInput {...bind.date('applicant.creditCheckedOn')} />
        </SimpleGrid>
        {!b.readOnly && <PrintCheck values={b.values} />}
      </Section>

      <Section title={t('ff.section.project')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
            <TextInput {...bind.text('project.name')} />
            <TextInput
              {...bind.text('project.projectCode')}
              placeholder="2026-371002-26-03-012345"
              withAsterisk={!!settings?.projectCodeRequired && !b.readOnly}
            />
            <TextInput {...bind.text('project.bay')} />
            <Select
              {...bind.select('project.parkId')}
              onChange={choosePark}
              data={parks.map((p) => ({ value: p.id, label: name(p) }))}
              placeholder={t('ff.choose')}
            />
            <Select
              {...bind.select('project.baseId')}
              data={(park?.bases ?? []).map((x) => ({ value: x.id, label: name(x) }))}
              placeholder={park ? t('ff.choose') : t('ff.chooseParkFirst')}
              disabled={b.readOnly || !park}
            />
            <DateTextInput {...bind.date('project.plannedStart')} />
            <DateTextInput {...bind.date('project.plannedEnd')} />
            {settings && (
              <Text size="xs" c="dimmed" pt={30}>
                {t('ff.runPeriodHint', { months: settings.runPeriod.maxMonths })}
              </Text>
            )}
          </SimpleGrid>
          <ListEditor kind="products" b={b} />
          <Textarea {...bind.text('project.routeSummary')} autosize minRows={2} maxRows={8} />
        </Stack>
      </Section>

      <Section title={t('ff.section.hazards')}>
        <Stack gap="sm">
          <MultiSelect
            label={t('ff.project.processes')}
            description={t('ff.processesHint')}
            data={HAZARDOUS_PROCESSES.map((p) => ({ value: p, label: t(`process.${p}`) }))}
            value={b.values.project.processes}
            onChange={(v) => b.set('project.processes', v)}
            error={b.errors['project.processes']}
            readOnly={b.readOnly}
            disabled={b.readOnly}
            searchable
            clearable={!b.readOnly}
            comboboxProps={{ withinPortal: true }}
            data-testid="f-project.processes"
          />
          <Group gap="xl">
            <Checkbox {...bind.check('project.exothermic')} />
            <Checkbox {...bind.check('project.firstUseInChina')} />
          </Group>
          <ListEditor kind="chemicals" b={b} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing={6}>
            <QuantityInput {...bind.quantity('project.batchKg', 'kg')} />
            <QuantityInput {...bind.quantity('project.throughputTpa', 't/a')} />
            <QuantityInput {...bind.quantity('project.largestReactorM3', 'm³')} />
            <Select
              {...bind.select('project.hazardGrade')}
              value={grade === null ? null : String(grade)}
              onChange={(v) => b.set('project.hazardGrade', v ? Number(v) : null)}
              allowDeselect
              clearable={!b.readOnly}
              placeholder={t('ff.hazardGrade.none')}
              data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t('ff.hazardGrade.n', { n: v }) }))}
            />
          </SimpleGrid>
        </Stack>
      </Section>

      <Section title={t('ff.section.environment')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Select {...bind.select('project.eiaCategory')} data={EIA_CATEGORIES.map((v) => ({ value: v, label: t(`ff.eia.${v}`) }))} />
          </SimpleGrid>
          <Textarea {...bind.text('project.wasteStreams')} autosize minRows={2} maxRows={8} />
        </Stack>
      </Section>
    </Stack>
  );
}
