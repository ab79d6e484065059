import { Button, CloseButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { binder, type FormBinding } from './bind';
import { QuantityInput } from './TypedFields';

/** Products [name, CAS] and hazardous chemicals [name, CAS, t in process, t stored]: one row per entry. */
export function ListEditor({ kind, b }: { kind: 'products' | 'chemicals'; b: FormBinding }) {
  const { t } = useTranslation();
  const bind = binder(b, t);
  const path = `project.${kind}`;
  const rows = b.values.project[kind];
  const add = () =>
    b.set(path, [...rows, kind === 'products' ? { name: '', cas: '' } : { name: '', cas: '', maxInProcessT: null, maxStoredT: null }]);
  const remove = (i: number) =>
    b.set(
      path,
      rows.filter((_, j) => j !== i),
    );
  const cell = (p: string) => ({
    ...bind.text(p, `ff.${kind}.${p.split('.').pop()}`),
    label: undefined,
    'aria-label': `${t(`ff.${kind}.${p.split('.').pop()}`)} · ${Number(p.split('.')[2]) + 1}`,
    size: 'xs' as const,
  });
  // Tonnes, named in the column header and in each cell's accessible name (with the row number).
  const num = (p: string) => {
    const key = `ff.${kind}.${p.split('.').pop()}`;
    return {
      ...bind.quantity(p, 't', key),
      label: undefined,
      withAsterisk: false,
      'aria-label': `${t('ff.unitLabel', { label: t(key), unit: 't' })} · ${Number(p.split('.')[2]) + 1}`,
      size: 'xs' as const,
    };
  };
  const unitHead = (key: string) => t('ff.unitLabel', { label: t(key), unit: 't' });
  return (
    <Stack gap={4} data-testid={`f-${path}`}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t(`ff.${path}`)}
          {kind === 'products' && !b.readOnly && (
            <Text span c="red">
              {' '}
              *
            </Text>
          )}
        </Text>
        {!b.readOnly && (
          <Button size="compact-xs" variant="light" onClick={add} data-testid={`f-${path}-add`}>
            {t(`ff.${kind}.add`)}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="xs" c={b.errors[path] ? 'red' : 'dimmed'}>
          {b.errors[path] ?? t(`ff.${kind}.none`)}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>#</Table.Th>
              <Table.Th>{t(`ff.${kind}.name`)}</Table.Th>
              <Table.Th w={150}>{t(`ff.${kind}.cas`)}</Table.Th>
              {kind === 'chemicals' && <Table.Th w={130}>{unitHead('ff.chemicals.maxInProcessT')}</Table.Th>}
              {kind === 'chemicals' && <Table.Th w={130}>{unitHead('ff.chemicals.maxStoredT')}</Table.Th>}
              {!b.readOnly && <Table.Th w={32} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((_, i) => (
              <Table.Tr key={i}>
                <Table.Td className="tabular">{i + 1}</Table.Td>
                <Table.Td>
                  <TextInput {...cell(`${path}.${i}.name`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput {...cell(`${path}.${i}.cas`)} placeholder="64-17-5" />
                </Table.Td>
                {kind === 'chemicals' && (
                  <Table.Td>
                    <QuantityInput {...num(`${path}.${i}.maxInProcessT`)} />
                  </Table.Td>
                )}
                {kind === 'chemicals' && (
                  <Table.Td>
                    <QuantityInput {...num(`${path}.${i}.maxStoredT`)} />
                  </Table.Td>
                )}
                {!b.readOnly && (
                  <Table.Td>
                    <CloseButton size="sm" aria-label={t('ff.removeRow', { n: i + 1 })} onClick={() => remove(i)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
