import { Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsForm } from './SettingsPage';

/** Parks and their pilot bases; ids are codes that filings refer to, so a used id should not be renamed. */
export function ParksSection({ form }: { form: SettingsForm }) {
  const { t } = useTranslation();
  const parks = form.values.parks;
  return (
    <Stack gap="sm" maw={1000}>
      {form.errors.parks && (
        <Text c="red" size="sm">
          {form.errors.parks}
        </Text>
      )}
      {parks.map((park, p) => (
        <Paper key={p} withBorder p="sm" data-testid={`settings-park-${p}`}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput size="xs" w={140} label={t('admin.settings.code')} ff="monospace" {...form.getInputProps(`parks.${p}.id`)} />
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              label={`${t('admin.settings.parks.park')} · ${t('admin.settings.nameZh')}`}
              {...form.getInputProps(`parks.${p}.nameZh`)}
            />
            <TextInput size="xs" style={{ flex: 1 }} label={t('admin.settings.nameEn')} {...form.getInputProps(`parks.${p}.nameEn`)} />
            <Button size="xs" variant="subtle" color="red" disabled={parks.length <= 1} onClick={() => form.removeListItem('parks', p)}>
              {t('admin.settings.parks.removePark')}
            </Button>
          </Group>
          <Text size="xs" fw={600} mt="sm" mb={4}>
            {t('admin.settings.parks.bases')}
          </Text>
          {form.errors[`parks.${p}.bases`] && (
            <Text c="red" size="xs">
              {form.errors[`parks.${p}.bases`]}
            </Text>
          )}
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('admin.settings.code')}</Table.Th>
                <Table.Th>{t('admin.settings.nameZh')}</Table.Th>
                <Table.Th>{t('admin.settings.nameEn')}</Table.Th>
                <Table.Th w={110}>{t('admin.settings.parks.slots')}</Table.Th>
                <Table.Th w={70} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {park.bases.map((_, b) => (
                <Table.Tr key={b}>
                  <Table.Td>
                    <TextInput size="xs" ff="monospace" {...form.getInputProps(`parks.${p}.bases.${b}.id`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" {...form.getInputProps(`parks.${p}.bases.${b}.nameZh`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" {...form.getInputProps(`parks.${p}.bases.${b}.nameEn`)} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" allowDecimal={false} min={0} {...form.getInputProps(`parks.${p}.bases.${b}.slots`)} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => form.removeListItem(`parks.${p}.bases`, b)}>
                      {t('admin.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button
            size="compact-xs"
            variant="light"
            mt={6}
            onClick={() => form.insertListItem(`parks.${p}.bases`, { id: '', nameZh: '', nameEn: '', slots: 0 })}
          >
            {t('admin.settings.parks.addBase')}
          </Button>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            form.insertListItem('parks', { id: '', nameZh: '', nameEn: '', bases: [{ id: '', nameZh: '', nameEn: '', slots: 0 }] })
          }
        >
          {t('admin.settings.parks.addPark')}
        </Button>
      </Group>
    </Stack>
  );
}
