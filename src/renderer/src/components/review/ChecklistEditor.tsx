import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemPaperList, ItemPaperPreview, type ItemPaper, type PaperAttachment } from './ChecklistPapers';
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
  /** The papers each item answers, shown under it and opened in place (the decision form; not the session table). */
  papersOf?: (codes: readonly string[]) => ItemPaper[];
}) {
  const { items, rows, lang, errors, onChange, onAllPass, papersOf } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ item: string; paper: PaperAttachment } | null>(null);
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
              <Fragment key={row.code}>
                <Table.Tr data-testid={`check-${row.code}`} data-result={row.result || undefined}>
                  <Table.Td w="40%">
                    <Text size="sm">{item ? (lang === 'en' ? item.textEn : item.textZh) : row.code}</Text>
                    {papersOf && item && (
                      <ItemPaperList
                        item={row.code}
                        papers={papersOf(item.papers)}
                        openId={open?.item === row.code ? open.paper.id : null}
                        onOpen={(a) => setOpen(a ? { item: row.code, paper: a } : null)}
                      />
                    )}
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
                      role="radiogroup"
                      aria-label={item ? (lang === 'en' ? item.textEn : item.textZh) : row.code}
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
                      aria-label={`${t('rv.form.checkNote')} · ${item ? (lang === 'en' ? item.textEn : item.textZh) : row.code}`}
                    />
                  </Table.Td>
                </Table.Tr>
                {open?.item === row.code && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <ItemPaperPreview item={row.code} paper={open.paper} onClose={() => setOpen(null)} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
