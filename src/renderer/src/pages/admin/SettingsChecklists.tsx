import { useState } from 'react';
import { Badge, Button, MultiSelect, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { errorsUnder } from './format';
import type { SettingsForm } from './SettingsPage';

/** One checklist per unit, edited one unit at a time; a unit with errors shows a red count on its switch. */
export function ChecklistsSection({ form }: { form: SettingsForm }) {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState<UnitCode>('yj');
  const items = form.values.checklists[unit];
  const base = `checklists.${unit}`;
  // The papers an item may name: the material types as they stand in this form (a renamed or removed type shows here).
  const papers = form.values.materialTypes.map((m) => ({ value: m.code, label: `${i18n.language === 'en' ? m.nameEn : m.nameZh}` }));
  return (
    <Stack gap="xs" maw={1000}>
      <Text size="sm" c="dimmed">
        {t('admin.settings.checklists.hint')}
      </Text>
      <SegmentedControl
        value={unit}
        onChange={(v) => setUnit(v as UnitCode)}
        data={UNIT_CODES.map((u) => {
          const n = errorsUnder(form.errors, `checklists.${u}`).length;
          return {
            value: u,
            label: (
              <span data-testid={`settings-checklist-unit-${u}`}>
                {i18n.language === 'en' ? form.values.units[u].nameEn : form.values.units[u].nameZh} ({form.values.checklists[u].length})
                {n ? (
                  <Badge ml={4} size="xs" color="red" circle>
                    {n}
                  </Badge>
                ) : null}
              </span>
            ),
          };
        })}
      />
      {form.errors[base] && (
        <Text c="red" size="sm">
          {form.errors[base]}
        </Text>
      )}
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th w={170}>{t('admin.settings.code')}</Table.Th>
            <Table.Th>{t('admin.settings.textZh')}</Table.Th>
            <Table.Th>{t('admin.settings.textEn')}</Table.Th>
            <Table.Th w={260}>{t('admin.settings.checklists.papers')}</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((_, i) => (
            <Table.Tr key={`${unit}-${i}`}>
              <Table.Td c="dimmed">{i + 1}</Table.Td>
              <Table.Td>
                <TextInput size="xs" ff="monospace" {...form.getInputProps(`${base}.${i}.code`)} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`${base}.${i}.textZh`)} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`${base}.${i}.textEn`)} />
              </Table.Td>
              <Table.Td>
                <MultiSelect
                  size="xs"
                  data={papers}
                  searchable
                  aria-label={t('admin.settings.checklists.papersOf', { n: i + 1 })}
                  data-testid={`settings-checklist-papers-${i}`}
                  {...form.getInputProps(`${base}.${i}.papers`)}
                />
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem(base, i)}>
                  {t('admin.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Button size="xs" variant="light" onClick={() => form.insertListItem(base, { code: '', textZh: '', textEn: '', papers: [] })}>
          {t('admin.add')}
        </Button>
      </div>
    </Stack>
  );
}
