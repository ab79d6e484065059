import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHECK_RESULTS } from '../../../../shared/contract/review';
import type { ChecklistItem } from '../../../../shared/schemas/settings';

export interface ChecklistRow {
  code: string;
  result: '' | (typeof CHECK_RESULTS)[number];
  note: string;
}

const RESULT_COLOR = { pass: 'green', fail: 'red', na: 'gray' } as const;

/** Every item of the unit's checklist answered pass / fail / n.a., each with an optional note. */
export function ChecklistEditor(props: {
  items: ChecklistItem[];
  rows: ChecklistRow[];
  lang: string;
  errors: Record<string, string | undefined>;
  onChange(index: number, patch: Partial<ChecklistRow>): void;
  onAllPass(): void;
}) {
  const { items, rows, lang, errors, onChange, onAllPass } = props;
  const { t } = useTranslation();
  const data = CHECK_RESULTS.map((r) => ({ value: r, label: t(`rv.check.${r}`) }));
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('rv.form.checklist')}
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={onAllPass} data-testid="checklist-all-pass">
          {t('rv.form.allPass')}
        </Button>
      </Group>
      <Table withTableBorder verticalSpacing={2} data-testid="checklist">
        <Table.Tbody>
          {rows.map((row, i) => {
            const item = items.find((it) => it.code === row.code);
            // Checklist messages are keyed by item code (domain/checklist); schema messages by position.
            const at = (field: string) => errors[`checklist.${row.code}.${field}`] ?? errors[`checklist.${i}.${field}`];
            const messages = [at('result'), at('note'), at('code'), errors[`checklist.${i}`]].filter(Boolean);
            const error = messages.length ? messages.join('；') : undefined;
            return (
              <Table.Tr key={row.code} data-testid={`check-${row.code}`} data-result={row.result || undefined}>
                <Table.Td w="40%">
                  <Text size="sm">{item ? (lang === 'en' ? item.textEn : item.textZh) : row.code}</Text>
                  {error && (
                    <Text size="xs" c="red">
                      {error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={200}>
                  <SegmentedControl
                    size="xs"
                    fullWidth
                    data={data}
                    value={row.result}
                    color={row.result ? RESULT_COLOR[row.result] : undefined}
                    onChange={(v) => onChange(i, { result: v as ChecklistRow['result'] })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    placeholder={t('rv.form.checkNote')}
                    value={row.note}
                    onChange={(e) => onChange(i, { note: e.currentTarget.value })}
                    error={at('note') ? true : undefined}
                    aria-label={t('rv.form.checkNote')}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
