import { Button, MultiSelect, NumberInput, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES } from '../../../../shared/domain/units';
import type { SettingsForm } from './SettingsPage';

const KINDS = ['core', 'eligible'] as const;
const APPLIES = ['always', 'keyProcessOrExothermic', 'firstUse', 'anythingMissing'] as const;

/** The material table of domain §5: one row a material, every column editable in place. */
export function MaterialsSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const rows = form.values.materialTypes;
  const units = UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }));
  const p = (i: number, field: string) => `materialTypes.${i}.${field}`;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('admin.settings.materials.hint')}
      </Text>
      {form.errors.materialTypes && (
        <Text c="red" size="sm">
          {form.errors.materialTypes}
        </Text>
      )}
      <ScrollArea type="auto">
        <Table withTableBorder verticalSpacing={4} miw={1150} data-testid="settings-materials">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('admin.settings.materials.no')}</Table.Th>
              <Table.Th w={136}>{t('admin.settings.code')}</Table.Th>
              <Table.Th miw={220}>
                {t('admin.settings.nameZh')} / {t('admin.settings.nameEn')}
              </Table.Th>
              <Table.Th w={96}>{t('admin.settings.materials.kind')}</Table.Th>
              <Table.Th w={150}>{t('admin.settings.materials.applies')}</Table.Th>
              <Table.Th w={84}>{t('admin.settings.materials.maxDays')}</Table.Th>
              <Table.Th miw={200}>{t('admin.settings.materials.form')}</Table.Th>
              <Table.Th w={170}>{t('admin.settings.materials.checkedBy')}</Table.Th>
              <Table.Th w={56} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m, i) => (
              <Table.Tr key={i} data-testid={`settings-material-${i}`} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <NumberInput size="xs" allowDecimal={false} min={1} hideControls {...form.getInputProps(p(i, 'no'))} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" ff="monospace" {...form.getInputProps(p(i, 'code'))} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <TextInput size="xs" {...form.getInputProps(p(i, 'nameZh'))} />
                    <TextInput size="xs" {...form.getInputProps(p(i, 'nameEn'))} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    allowDeselect={false}
                    data={KINDS.map((k) => ({ value: k, label: t(`admin.settings.materials.kind.${k}`) }))}
                    {...form.getInputProps(p(i, 'kind'))}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    allowDeselect={false}
                    data={APPLIES.map((a) => ({ value: a, label: t(`admin.settings.materials.applies.${a}`) }))}
                    {...form.getInputProps(p(i, 'applies'))}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    allowDecimal={false}
                    min={1}
                    hideControls
                    value={m.maxDays ?? ''}
                    onChange={(v) => form.setFieldValue(p(i, 'maxDays') as 'materialTypes.0.maxDays', v === '' ? null : Number(v))}
                    error={form.errors[p(i, 'maxDays')]}
                    data-testid={`settings-material-${i}-maxDays`}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <TextInput size="xs" {...form.getInputProps(p(i, 'formZh'))} />
                    <TextInput size="xs" {...form.getInputProps(p(i, 'formEn'))} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <MultiSelect size="xs" data={units} {...form.getInputProps(p(i, 'checkedBy'))} />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem('materialTypes', i)}>
                    {t('admin.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <div>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            form.insertListItem('materialTypes', {
              code: '',
              no: Math.max(0, ...rows.map((r) => Number(r.no) || 0)) + 1,
              nameZh: '',
              nameEn: '',
              kind: 'eligible',
              applies: 'always',
              maxDays: 10,
              formZh: '',
              formEn: '',
              checkedBy: ['sp'],
            })
          }
        >
          {t('admin.add')}
        </Button>
      </div>
    </Stack>
  );
}
