import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import type { Input, Output } from '../../../../shared/contract';
import { DEPARTMENT_KINDS } from '../../../../shared/domain/problems';
import { problemSettingsProblems, type ProblemSettingsInput } from '../../../../shared/domain/problem-settings';

type Values = Input<'problem.saveSettings'>;
type Form = UseFormReturnType<Values>;

const toValues = (s: Output<'problem.settings'>): Values => ({
  departments: s.departments.map(({ code, nameZh, nameEn, kind, active }) => ({ code, nameZh, nameEn, kind, active })),
  categories: s.categories.map(({ code, nameZh, nameEn, active }) => ({ code, nameZh, nameEn, active })),
  limits: s.policy.limits,
  reportEveryDays: s.policy.reportEveryDays,
  reminderAfterDays: s.policy.reminderAfterDays,
  warningDays: s.policy.warningDays,
});

/**
 * The enterprise-problem tables of Settings (departments, categories, deadlines by grade), saved on their own: they
 * are tables the problems refer to, not part of the settings document. The form runs the desk's own rule before
 * sending; the desk runs it again (and knows which departments hold accounts).
 */
export function ProblemSettingsSection() {
  const { data, error } = useQuery('problem.settings', {});
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader size="sm" />;
  return <Editor initial={data} />;
}

function Editor({ initial }: { initial: Output<'problem.settings'> }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(initial);
  const existing = { departments: saved.departments, categories: saved.categories, coordinator: saved.policy.coordinator, withMembers: [] };
  const form = useForm<Values>({
    initialValues: toValues(initial),
    validate: (v) =>
      Object.fromEntries(Object.entries(problemSettingsProblems(v as ProblemSettingsInput, existing)).map(([k, key]) => [k, t(key)])),
  });
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    if (form.validate().hasErrors) return;
    const r = await call('problem.saveSettings', form.values);
    if (!r.ok) {
      form.setErrors(r.error.fields ?? {});
      return setMessage(r.error.fields ? null : r.error.message);
    }
    setSaved(r.value);
    form.setValues(toValues(r.value));
    form.resetDirty(toValues(r.value));
    setMessage(null);
    notifications.show({ color: 'green', message: t('ps.saved') });
  };
  const top = ['departments', 'categories'].map((k) => form.errors[k]).filter(Boolean);
  return (
    <Stack gap="sm" maw={1100} data-testid="settings-problems">
      {message && <Alert color="red">{message}</Alert>}
      {top.map((m) => (
        <Text key={String(m)} c="red" size="sm" role="alert">
          {m}
        </Text>
      ))}
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('ps.deadlines')}
        </Title>
        <SimpleGrid cols={3}>
          {(['park', 'district', 'city'] as const).map((g) => (
            <NumberInput
              key={g}
              size="xs"
              label={t(`ps.limit.${g}`)}
              min={1}
              max={250}
              {...form.getInputProps(`limits.${g}`)}
              data-testid={`ps-limit-${g}`}
            />
          ))}
          <NumberInput size="xs" label={t('ps.reportEvery')} min={1} max={90} {...form.getInputProps('reportEveryDays')} />
          <NumberInput size="xs" label={t('ps.reminderAfter')} min={0} max={30} {...form.getInputProps('reminderAfterDays')} />
          <NumberInput size="xs" label={t('ps.warning')} min={0} max={30} {...form.getInputProps('warningDays')} />
        </SimpleGrid>
      </Paper>
      <Rows form={form} list="departments" known={new Set(saved.departments.map((d) => d.code))} />
      <Rows form={form} list="categories" known={new Set(saved.categories.map((c) => c.code))} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} disabled={!form.isDirty()} data-testid="ps-save">
          {t('ps.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One editable table; a saved row's code is fixed (problems and accounts refer to it) and it is set inactive, never removed. */
function Rows({ form, list, known }: { form: Form; list: 'departments' | 'categories'; known: Set<string> }) {
  const { t } = useTranslation();
  const rows = form.values[list];
  const add = () =>
    list === 'departments'
      ? form.insertListItem('departments', { code: '', nameZh: '', nameEn: '', kind: 'district', active: true })
      : form.insertListItem('categories', { code: '', nameZh: '', nameEn: '', active: true });
  return (
    <Paper withBorder p="sm" data-testid={`ps-${list}`}>
      <Title order={5} mb="xs">
        {t(`ps.${list}`)}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('admin.settings.code')}</Table.Th>
            <Table.Th>{t('admin.settings.nameZh')}</Table.Th>
            <Table.Th>{t('admin.settings.nameEn')}</Table.Th>
            {list === 'departments' && <Table.Th w={150}>{t('ps.kind')}</Table.Th>}
            <Table.Th w={70}>{t('ps.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i} data-code={r.code}>
              <Table.Td>
                <TextInput
                  size="xs"
                  ff="monospace"
                  disabled={known.has(r.code)}
                  {...form.getInputProps(`${list}.${i}.code`)}
                  data-testid={`ps-${list}-${i}-code`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`${list}.${i}.nameZh`)} data-testid={`ps-${list}-${i}-nameZh`} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`${list}.${i}.nameEn`)} data-testid={`ps-${list}-${i}-nameEn`} />
              </Table.Td>
              {list === 'departments' && (
                <Table.Td>
                  <Select
                    size="xs"
                    data={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`ps.kind.${k}`) }))}
                    {...form.getInputProps(`departments.${i}.kind`)}
                    data-testid={`ps-departments-${i}-kind`}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Checkbox {...form.getInputProps(`${list}.${i}.active`, { type: 'checkbox' })} data-testid={`ps-${list}-${i}-active`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button size="xs" variant="light" mt="xs" onClick={add} data-testid={`ps-${list}-add`}>
        {t('ps.add')}
      </Button>
    </Paper>
  );
}
