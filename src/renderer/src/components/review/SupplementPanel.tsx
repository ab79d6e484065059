import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayBeUnsent, type AppError } from '../../../../shared/result';
import type { ReviewView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import { newIdempotencyKey } from '../../api/idempotency';
import { useDeskForm } from '../../forms/desk-form';

/**
 * The one notice of everything the units asked for (一次性告知), and, for the clerk, recording that the
 * applicant supplied it: the paused clock resumes and the next round opens.
 */
export function SupplementPanel(props: {
  view: ReviewView;
  settings: Settings | null;
  lang: string;
  canRecord: boolean;
  onSaved(view: ReviewView): void;
  onStale(error: AppError): void;
}) {
  const { view, settings, lang, canRecord, onSaved, onStale } = props;
  const { t } = useTranslation();
  // One key per intended record: a retry after a lost reply must not record twice; a changed note is a new intent.
  const [key, setKey] = useState(newIdempotencyKey);
  const { form, ref, busy, refusal, submit, reset } = useDeskForm({
    channel: 'review.recordSupplement',
    initialValues: { note: '' },
    request: ({ note }) => ({ filingId: view.filingId, version: view.filingVersion, note, idempotencyKey: key }),
  });
  const request = view.supplementRequest ?? [];
  const itemText = (unit: keyof Settings['checklists'], code: string) => {
    const item = settings?.checklists[unit].find((i) => i.code === code);
    return item ? (lang === 'en' ? item.textEn : item.textZh) : code;
  };

  const record = submit(
    (saved) => {
      reset();
      setKey(newIdempotencyKey());
      onSaved(saved);
    },
    (error) => {
      if (!mayBeUnsent(error.code)) setKey(newIdempotencyKey());
      return error.code === 'STALE' && (onStale(error), true);
    },
  );

  return (
    <Paper ref={ref} withBorder p="sm" data-testid="supplement-panel">
      <Stack gap="xs">
        <Title order={5}>{t('rv.supplement.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('rv.supplement.intro')}
        </Text>
        <List type="ordered" size="sm" data-testid="supplement-list">
          {request.map((r) => (
            <List.Item key={r.section} data-unit={r.section}>
              <Text span fw={600}>
                {t(`unit.${r.section}`)}
                {t('rv.colon')}
              </Text>
              {r.opinion || t('rv.supplement.noOpinion')}
              {r.failedItems.length > 0 && (
                <List size="sm" withPadding listStyleType="disc">
                  {r.failedItems.map((code) => (
                    <List.Item key={code} data-testid={`supplement-item-${r.section}-${code}`}>
                      {itemText(r.section, code)}
                      {r.notes[code] ? `${t('rv.colon')}${r.notes[code]}` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
        {canRecord && (
          <>
            <Textarea
              label={t('rv.supplement.note')}
              autosize
              minRows={2}
              {...form.getInputProps('note')}
              onChange={(e) => {
                form.getInputProps('note').onChange(e);
                setKey(newIdempotencyKey());
              }}
              data-testid="supplement-note"
            />
            {refusal && (
              <Alert color="red" p="xs">
                {refusal}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={() => record()} loading={busy} data-testid="supplement-record">
                {t('rv.supplement.record')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
