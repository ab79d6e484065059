import { Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES } from '../../../../shared/domain/units';
import { errorsUnder } from './format';
import type { SettingsForm } from './SettingsPage';
import { DEFAULT_NUMBER_PATTERN, formatCertificateNumber, numberPatternProblem } from '../../../../shared/domain/certificate-number';

export function UnitsSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" maw={900}>
      <Text size="sm" c="dimmed">
        {t('admin.settings.units.hint')}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('admin.settings.code')}</Table.Th>
            <Table.Th>{t('admin.settings.nameZh')}</Table.Th>
            <Table.Th>{t('admin.settings.nameEn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {UNIT_CODES.map((u) => (
            <Table.Tr key={u}>
              <Table.Td ff="monospace">{u}</Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`${t('admin.settings.nameZh')} · ${u}`}
                  data-testid={`settings-unit-${u}-nameZh`}
                  {...form.getInputProps(`units.${u}.nameZh`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={`${t('admin.settings.nameEn')} · ${u}`} {...form.getInputProps(`units.${u}.nameEn`)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Days({ form, path, label }: { form: SettingsForm; path: string; label: string }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      size="xs"
      label={label}
      suffix={` ${t('admin.settings.limits.workingDays')}`}
      allowDecimal={false}
      min={0}
      data-testid={`settings-${path.replace(/\./g, '-')}`}
      {...form.getInputProps(path)}
    />
  );
}

export function LimitsSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const reminderErrors = errorsUnder(form.errors, 'timeLimits.reminderDays');
  return (
    <Stack gap="md" maw={760}>
      <Fieldset legend={t('admin.settings.limits.timeLimits')}>
        <SimpleGrid cols={3} spacing="sm">
          <Days form={form} path="timeLimits.acceptanceDays" label={t('admin.settings.limits.acceptanceDays')} />
          <Days form={form} path="timeLimits.reviewDays" label={t('admin.settings.limits.reviewDays')} />
          <Days form={form} path="timeLimits.certificateDays" label={t('admin.settings.limits.certificateDays')} />
          <Days form={form} path="timeLimits.warningDays" label={t('admin.settings.limits.warningDays')} />
          <Days form={form} path="timeLimits.graceDays" label={t('admin.settings.limits.graceDays')} />
          <TagsInput
            size="xs"
            label={t('admin.settings.limits.reminderDays')}
            description={t('admin.settings.limits.reminderHint')}
            value={form.values.timeLimits.reminderDays.map(String)}
            onChange={(v) =>
              form.setFieldValue(
                'timeLimits.reminderDays',
                v.map((x) => Number(x.trim())).filter((n) => Number.isFinite(n)),
              )
            }
            error={reminderErrors[0]}
            data-testid="settings-timeLimits-reminderDays"
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('admin.settings.limits.runPeriod')}>
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            size="xs"
            label={t('admin.settings.limits.maxMonths')}
            allowDecimal={false}
            min={1}
            data-testid="settings-runPeriod-maxMonths"
            {...form.getInputProps('runPeriod.maxMonths')}
          />
          <NumberInput
            size="xs"
            label={t('admin.settings.limits.maxExtensionMonths')}
            allowDecimal={false}
            min={0}
            {...form.getInputProps('runPeriod.maxExtensionMonths')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

export function CertificateSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const { prefix, numberPattern } = form.values.certificate;
  const pattern = numberPatternProblem(numberPattern ?? '') === null ? numberPattern! : DEFAULT_NUMBER_PATTERN;
  return (
    <Stack gap="md" maw={760}>
      <Fieldset legend={t('admin.settings.tab.certificate')}>
        <Stack gap="sm">
          <TextInput
            size="xs"
            label={t('admin.settings.certificate.prefix')}
            description={t('admin.settings.certificate.preview', { example: formatCertificateNumber(pattern, { prefix, year, seq: 1 }) })}
            data-testid="settings-certificate-prefix"
            {...form.getInputProps('certificate.prefix')}
          />
          <TextInput
            size="xs"
            label={t('admin.settings.certificate.numberPattern')}
            description={t('admin.settings.certificate.numberPatternHint')}
            data-testid="settings-certificate-numberPattern"
            {...form.getInputProps('certificate.numberPattern')}
          />
          <Group grow align="flex-start">
            <TextInput
              size="xs"
              label={t('admin.settings.certificate.issuerZh')}
              data-testid="settings-certificate-issuerZh"
              {...form.getInputProps('certificate.issuerZh')}
            />
            <TextInput size="xs" label={t('admin.settings.certificate.issuerEn')} {...form.getInputProps('certificate.issuerEn')} />
          </Group>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('admin.settings.policy.title')}>
        <Radio.Group {...form.getInputProps('conditionalPolicy')} data-testid="settings-conditionalPolicy">
          <Stack gap={6}>
            <Radio
              value="registerWithHold"
              label={t('admin.settings.policy.registerWithHold')}
              data-testid="settings-policy-registerWithHold"
            />
            <Radio value="lock" label={t('admin.settings.policy.lock')} data-testid="settings-policy-lock" />
          </Stack>
        </Radio.Group>
      </Fieldset>
      <Switch
        label={t('admin.settings.projectCodeRequired')}
        description={t('admin.settings.projectCodeHint')}
        data-testid="settings-projectCodeRequired"
        {...form.getInputProps('projectCodeRequired', { type: 'checkbox' })}
      />
    </Stack>
  );
}
