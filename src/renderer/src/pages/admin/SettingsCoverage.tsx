import { Button, MultiSelect, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES } from '../../../../shared/domain/units';
import { emptyFilingFields } from '../../../../shared/schemas/filing';
import type { SettingsForm } from './SettingsPage';

/** Every record field as `applicant.x` / `project.x`, in form order. */
const FIELD_PATHS = (['applicant', 'project'] as const).flatMap((g) => Object.keys(emptyFilingFields()[g]).map((k) => `${g}.${k}`));

/**
 * The fact → unit table of domain §6, edited like the material table: which record fields each unit's decision
 * covers. Papers follow the material table's "checked by" column; a field no row lists concerns sp only.
 */
export function CoverageSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const rows = form.values.factCoverage;
  const units = UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }));
  const fields = FIELD_PATHS.map((f) => ({ value: f, label: t(`ff.${f}`) }));
  const p = (i: number, field: string) => `factCoverage.${i}.${field}`;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('admin.settings.coverage.hint')}
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder verticalSpacing={4} miw={900} data-testid="settings-coverage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('admin.settings.code')}</Table.Th>
              <Table.Th miw={420}>{t('admin.settings.coverage.fields')}</Table.Th>
              <Table.Th w={260}>{t('admin.settings.coverage.units')}</Table.Th>
              <Table.Th w={56} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((_, i) => (
              <Table.Tr key={i} data-testid={`settings-coverage-${i}`} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <TextInput size="xs" ff="monospace" {...form.getInputProps(p(i, 'key'))} />
                </Table.Td>
                <Table.Td>
                  <MultiSelect size="xs" data={fields} searchable {...form.getInputProps(p(i, 'fields'))} />
                </Table.Td>
                <Table.Td>
                  <MultiSelect size="xs" data={units} {...form.getInputProps(p(i, 'units'))} data-testid={`settings-coverage-${i}-units`} />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem('factCoverage', i)}>
                    {t('admin.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <div>
        <Button size="xs" variant="light" onClick={() => form.insertListItem('factCoverage', { key: '', fields: [], units: ['sp'] })}>
          {t('admin.add')}
        </Button>
      </div>
    </Stack>
  );
}
