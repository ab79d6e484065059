import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BLOCKS } from '../../../../shared/contract/review';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import { officialCalendar, toIsoDate } from '../../../../shared/domain/calendar';
import { deadlineFromDays } from '../../../../shared/domain/deadline';
import { ProvisionalMark } from '../filing/ProvisionalMark';

export interface ConditionRow {
  text: string;
  verifyingUnit: UnitCode;
  dueDays: number | '';
  blocks: (typeof BLOCKS)[number];
}

/** The due date a day count gives today, as the server will compute it (the same shared rule), with its mark. */
function ResultingDate({ days, testId }: { days: number | ''; testId: string }) {
  const { t } = useTranslation();
  const due = days === '' ? null : deadlineFromDays(officialCalendar, toIsoDate(new Date()), days);
  if (!due) return null;
  return (
    <span data-testid={testId} data-date={due.dueDate}>
      {t('date.resulting', { date: due.dueDate })}
      <ProvisionalMark date={due.dueDate} />
    </span>
  );
}

/** Conditions of "approve with conditions": what, who verifies, by when (working days), what it blocks. */
export function ConditionsEditor(props: {
  rows: ConditionRow[];
  errors: Record<string, string | undefined>;
  onChange(rows: ConditionRow[]): void;
  defaultUnit: UnitCode;
}) {
  const { rows, errors, onChange, defaultUnit } = props;
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ConditionRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { text: '', verifyingUnit: defaultUnit, dueDays: 20, blocks: 'hold' }]);
  const remove = (i: number) => onChange(rows.filter((_, k) => k !== i));
  return (
    <Stack gap="xs" data-testid="conditions-editor">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('rv.conditions')}
        </Text>
        <Button size="compact-sm" variant="light" onClick={add} data-testid="condition-add">
          {t('rv.form.addCondition')}
        </Button>
      </Group>
      {errors.conditions && (
        <Text size="sm" c="red" data-testid="error-conditions">
          {errors.conditions}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper key={i} withBorder p="xs" data-testid={`condition-${i}`}>
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600} pt={6}>
              {i + 1}.
            </Text>
            <Stack gap={6} style={{ flex: 1 }}>
              <Textarea
                label={t('rv.form.conditionText')}
                autosize
                minRows={1}
                value={row.text}
                onChange={(e) => set(i, { text: e.currentTarget.value })}
                error={errors[`conditions.${i}.text`]}
                data-testid={`condition-${i}-text`}
              />
              <Group gap="xs" align="flex-start" grow>
                <Select
                  label={t('rv.form.verifyingUnit')}
                  data={UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
                  value={row.verifyingUnit}
                  allowDeselect={false}
                  onChange={(v) => v && set(i, { verifyingUnit: v as UnitCode })}
                  error={errors[`conditions.${i}.verifyingUnit`]}
                  data-testid={`condition-${i}-unit`}
                />
                <NumberInput
                  label={t('rv.form.dueDays')}
                  min={1}
                  max={250}
                  allowDecimal={false}
                  value={row.dueDays}
                  onChange={(v) => set(i, { dueDays: typeof v === 'number' ? v : '' })}
                  error={errors[`conditions.${i}.dueDays`]}
                  description={<ResultingDate days={row.dueDays} testId={`condition-${i}-date`} />}
                  data-testid={`condition-${i}-days`}
                />
                <Select
                  label={t('rv.form.blocks')}
                  data={BLOCKS.map((b) => ({ value: b, label: t(`rv.blocks.${b}`) }))}
                  value={row.blocks}
                  allowDeselect={false}
                  onChange={(v) => v && set(i, { blocks: v as ConditionRow['blocks'] })}
                  error={errors[`conditions.${i}.blocks`]}
                  data-testid={`condition-${i}-blocks`}
                />
              </Group>
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={22}
              onClick={() => remove(i)}
              aria-label={t('rv.form.removeCondition')}
              data-testid={`condition-${i}-remove`}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
