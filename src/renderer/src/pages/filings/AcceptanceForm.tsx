import { Alert, Button, CloseButton, Group, List, Paper, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Output } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import type { AcceptanceDecision } from '../../../../shared/domain/states';
import type { Settings } from '../../../../shared/schemas/settings';
import { addDays, toIsoDate } from '../../../../shared/domain/calendar';
import { call } from '../../api/client';
import { DateTextInput } from '../../components/filing/TypedFields';
import { BusyButton } from '../../components/BusyButton';
import { DeadlineNote } from '../../components/filing/DeadlineNote';
import { newIdempotencyKey } from '../../api/idempotency';
import { useLocalName } from '../../components/filing/use-settings';
import { useDeskForm } from '../../forms/desk-form';
import { acceptanceField, type AcceptanceValues as Values } from './acceptance-fields';

type Preview = Output<'acceptance.preview'>;
const DECISIONS: AcceptanceDecision[] = ['accept', 'conditional', 'correction', 'notAccepted'];

/** The clerk's acceptance decision: what was decided, and with it the deadlines, the points to correct or the reason. */
export function AcceptanceForm({ view, settings, onView }: { view: FilingView; settings: Settings | null; onView(v: FilingView): void }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // One key per intended decision: a retry after a lost reply must not decide twice (crash-3).
  const [key, setKey] = useState(newIdempotencyKey);
  const missing = preview?.missing ?? [];
  const request = (v: Values) => ({
    filingId: view.id,
    version: view.version,
    decision: v.decision as AcceptanceDecision,
    reason: v.decision === 'accept' ? '' : v.reason,
    corrections: v.decision === 'correction' ? v.corrections.filter((c) => c.trim() !== '') : [],
    deadlines:
      v.decision === 'conditional'
        ? missing.map((m) => ({ materialCode: m.materialCode, dueDate: v.deadlines[m.materialCode] ?? m.maxDueDate }))
        : [],
    idempotencyKey: key,
  });
  const { form, ref, busy, refusal, submit } = useDeskForm({
    channel: 'acceptance.decide',
    initialValues: { decision: null, reason: '', corrections: [''], deadlines: {} } as Values,
    request,
    fieldOf: (path, v) => acceptanceField(path, v, missing),
  });
  const { decision, corrections, deadlines } = form.values;

  useEffect(() => {
    let live = true;
    void call('acceptance.preview', { filingId: view.id }).then((r) => {
      if (!live || !r.ok) return;
      setPreview(r.value);
      const typed = form.getValues().deadlines;
      form.setFieldValue(
        'deadlines',
        Object.fromEntries(r.value.missing.map((m) => [m.materialCode, typed[m.materialCode] ?? m.maxDueDate])),
      );
    });
    return () => {
      live = false;
    };
    // The form's handle is stable; the preview follows the filing's version only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.id, view.version]);

  const decide = submit(
    (v) => {
      setKey(newIdempotencyKey());
      setError(null);
      onView(v);
    },
    (e) => void setError(e),
  );

  const typeOf = (code: string | null) => settings?.materialTypes.find((m) => m.code === code);
  const problemText = (p: { key: string; materialCode: string | null }) => {
    const type =
      typeOf(p.materialCode) ??
      (p.key === 'acc.commitmentMissing' ? settings?.materialTypes.find((m) => m.applies === 'anythingMissing') : undefined);
    return t(p.key, { no: type?.no ?? '', nameZh: type?.nameZh ?? '', nameEn: type?.nameEn ?? '', code: p.materialCode ?? '' });
  };
  const tomorrow = addDays(toIsoDate(new Date()), 1);
  const shownInline = new Set(decision === 'conditional' ? missing.map((m) => `materials.${m.materialCode}`) : []);
  const otherProblems = Object.entries(error?.fields ?? {}).filter(([k]) => !shownInline.has(k));

  return (
    <Stack gap="sm" data-testid="acceptance-form" ref={ref}>
      <Radio.Group
        value={decision}
        onChange={(v) => (form.setFieldValue('decision', v as AcceptanceDecision), setError(null))}
        label={t('fa.chooseDecision')}
      >
        <Stack gap={6} mt={6}>
          {DECISIONS.map((d) => (
            <Radio
              key={d}
              value={d}
              label={t(`fa.decision.${d}`)}
              description={t(`fa.decisionHint.${d}`)}
              disabled={d === 'conditional' && preview !== null && !preview.eligible}
              data-testid={`decision-${d}`}
            />
          ))}
        </Stack>
      </Radio.Group>

      {preview && !preview.eligible && (
        <Alert color="gray" variant="light" title={t('fa.notEligible')} data-testid="conditional-problems">
          <List size="sm">
            {preview.problems.map((p, i) => (
              <List.Item key={i}>{problemText(p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {decision === 'conditional' && preview && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={500} mb={4}>
            {t('fa.deadlinesTitle')}
          </Text>
          <Table verticalSpacing={4} fz="sm" data-testid="conditional-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fa.item')}</Table.Th>
                <Table.Th w={180}>{t('fa.dueDate')}</Table.Th>
                <Table.Th w={150}>{t('fa.maxDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {missing.map((m) => {
                const type = typeOf(m.materialCode);
                const fieldError = form.errors[`deadlines.${m.materialCode}`];
                return (
                  <Table.Tr key={m.materialCode} data-testid={`conditional-item-${m.materialCode}`}>
                    <Table.Td>
                      <Text size="sm">{type ? `${type.no}. ${name(type)}` : m.materialCode}</Text>
                      {type && (
                        <Text size="xs" c="dimmed">
                          {name({ nameZh: type.formZh, nameEn: type.formEn })}
                        </Text>
                      )}
                      {fieldError && (
                        <Text size="xs" c="red" role="alert" data-testid={`deadline-error-${m.materialCode}`}>
                          {fieldError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DateTextInput
                        size="xs"
                        aria-label={t('fa.dueDateFor', { name: type ? name(type) : m.materialCode })}
                        stored={deadlines[m.materialCode] ?? ''}
                        minDate={tomorrow}
                        maxDate={m.maxDueDate}
                        error={!!fieldError}
                        // Kept as typed: a day past the latest allowed is refused by the rule, never moved to it.
                        onValue={(v) => form.setFieldValue(`deadlines.${m.materialCode}`, String(v ?? ''))}
                        data-testid={`deadline-${m.materialCode}`}
                      />
                      <DeadlineNote
                        typed={deadlines[m.materialCode] ?? ''}
                        today={addDays(tomorrow, -1)}
                        max={m.maxDueDate}
                        testId={`deadline-note-${m.materialCode}`}
                      />
                    </Table.Td>
                    <Table.Td className="tabular">
                      <Text size="sm" c="dimmed">
                        {m.maxDueDate}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {decision === 'correction' && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={500}>
            {t('fa.correctionsTitle')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('fa.correctionsHint')}
          </Text>
          <Stack gap={6}>
            {corrections.map((_, i) => (
              <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" w={20} pt={6} className="tabular">
                  {i + 1}.
                </Text>
                <Textarea
                  style={{ flex: 1 }}
                  autosize
                  minRows={1}
                  aria-label={t('fa.correctionN', { n: i + 1 })}
                  {...form.getInputProps(`corrections.${i}`)}
                  data-testid={`correction-${i}`}
                />
                <CloseButton
                  aria-label={t('ff.removeRow', { n: i + 1 })}
                  disabled={corrections.length === 1}
                  onClick={() => form.removeListItem('corrections', i)}
                />
              </Group>
            ))}
            <Button
              size="compact-xs"
              variant="light"
              w="fit-content"
              onClick={() => form.insertListItem('corrections', '')}
              data-testid="correction-add"
            >
              {t('fa.correctionAdd')}
            </Button>
          </Stack>
        </Paper>
      )}

      {decision !== null && decision !== 'accept' && (
        <Textarea
          label={decision === 'notAccepted' ? t('fa.reasonRequired') : t('fa.reason')}
          withAsterisk={decision === 'notAccepted'}
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
          data-testid="acceptance-reason"
        />
      )}

      {(error || refusal) && (
        <Alert color="red" variant="light" role="alert" data-testid="acceptance-error" title={error?.message ?? refusal}>
          {otherProblems.length > 0 && (
            <List size="sm">
              {otherProblems.map(([k, v]) => (
                <List.Item key={k}>{v}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      <Group>
        <BusyButton onClick={() => decide()} busy={busy} disabled={decision === null} data-testid="acceptance-submit">
          {t('fa.submit')}
        </BusyButton>
        <Text size="xs" c="dimmed">
          {t('fa.submitHint')}
        </Text>
      </Group>
    </Stack>
  );
}
