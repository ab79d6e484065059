import { Alert, Button, CloseButton, Group, List, Paper, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { FilingView } from '../../../../shared/contract/filings';
import type { Output } from '../../../../shared/contract';
import type { AcceptanceDecision } from '../../../../shared/domain/states';
import type { Settings } from '../../../../shared/schemas/settings';
import { addDays, toIsoDate } from '../../../../shared/domain/calendar';
import { call } from '../../api/client';
import { DateTextInput } from '../../components/filing/TypedFields';
import { BusyButton } from '../../components/BusyButton';
import { DecisionRecord } from './AcceptanceRecord';
import { DeadlineNote } from '../../components/filing/DeadlineNote';
import { newIdempotencyKey } from '../../api/idempotency';
import { useLocalName } from '../../components/filing/use-settings';

type Preview = Output<'acceptance.preview'>;
const DECISIONS: AcceptanceDecision[] = ['accept', 'conditional', 'correction', 'notAccepted'];

export function AcceptanceTab({
  view,
  settings,
  canDecide,
  onView,
}: {
  view: FilingView;
  settings: Settings | null;
  canDecide: boolean;
  onView(v: FilingView): void;
}) {
  const [decidedHere, setDecidedHere] = useState(false);
  if (!canDecide) return <DecisionRecord view={view} settings={settings} focus={decidedHere} />;
  const decided = (v: FilingView) => {
    setDecidedHere(true);
    onView(v);
  };
  return <DecisionForm view={view} settings={settings} onView={decided} />;
}

function DecisionForm({ view, settings, onView }: { view: FilingView; settings: Settings | null; onView(v: FilingView): void }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decision, setDecision] = useState<AcceptanceDecision | null>(null);
  const [deadlines, setDeadlines] = useState<Record<string, string>>({});
  const [corrections, setCorrections] = useState<string[]>(['']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  // One key per intended decision: a retry after a lost reply must not decide twice (crash-3).
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    let live = true;
    void call('acceptance.preview', { filingId: view.id }).then((r) => {
      if (!live || !r.ok) return;
      setPreview(r.value);
      setDeadlines((d) => Object.fromEntries(r.value.missing.map((m) => [m.materialCode, d[m.materialCode] ?? m.maxDueDate])));
    });
    return () => {
      live = false;
    };
  }, [view.id, view.version]);

  const typeOf = (code: string | null) => settings?.materialTypes.find((m) => m.code === code);
  const problemText = (p: { key: string; materialCode: string | null }) => {
    const type =
      typeOf(p.materialCode) ??
      (p.key === 'acc.commitmentMissing' ? settings?.materialTypes.find((m) => m.applies === 'anythingMissing') : undefined);
    return t(p.key, { no: type?.no ?? '', nameZh: type?.nameZh ?? '', nameEn: type?.nameEn ?? '', code: p.materialCode ?? '' });
  };
  const tomorrow = addDays(toIsoDate(new Date()), 1);

  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    setError(null);
    const r = await call('acceptance.decide', {
      filingId: view.id,
      version: view.version,
      decision,
      reason: decision === 'accept' ? '' : reason,
      corrections: decision === 'correction' ? corrections.filter((c) => c.trim() !== '') : [],
      deadlines:
        decision === 'conditional'
          ? (preview?.missing ?? []).map((m) => ({ materialCode: m.materialCode, dueDate: deadlines[m.materialCode] ?? m.maxDueDate }))
          : [],
      idempotencyKey: key.current,
    });
    setBusy(false);
    if (r.ok) {
      key.current = newIdempotencyKey();
      onView(r.value);
      return;
    }
    setError({ message: r.error.message, fields: r.error.fields ?? {} });
  };

  const fieldError = (code: string) => error?.fields[`materials.${code}`];
  const shownInline = new Set(decision === 'conditional' ? (preview?.missing ?? []).map((m) => `materials.${m.materialCode}`) : []);
  const otherProblems = Object.entries(error?.fields ?? {}).filter(([k]) => !shownInline.has(k));

  return (
    <Stack gap="sm" data-testid="acceptance-form">
      <Radio.Group value={decision} onChange={(v) => setDecision(v as AcceptanceDecision)} label={t('fa.chooseDecision')}>
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
              {preview.missing.map((m) => {
                const type = typeOf(m.materialCode);
                return (
                  <Table.Tr key={m.materialCode} data-testid={`conditional-item-${m.materialCode}`}>
                    <Table.Td>
                      <Text size="sm">{type ? `${type.no}. ${name(type)}` : m.materialCode}</Text>
                      {type && (
                        <Text size="xs" c="dimmed">
                          {name({ nameZh: type.formZh, nameEn: type.formEn })}
                        </Text>
                      )}
                      {fieldError(m.materialCode) && (
                        <Text size="xs" c="red" role="alert">
                          {fieldError(m.materialCode)}
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
                        error={!!fieldError(m.materialCode)}
                        // Kept as typed: a day past the latest allowed is refused by the rule, never moved to it.
                        onValue={(v) => setDeadlines((d) => ({ ...d, [m.materialCode]: String(v ?? '') }))}
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
            {corrections.map((c, i) => (
              <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                <Text size="sm" w={20} pt={6} className="tabular">
                  {i + 1}.
                </Text>
                <Textarea
                  style={{ flex: 1 }}
                  autosize
                  minRows={1}
                  aria-label={t('fa.correctionN', { n: i + 1 })}
                  value={c}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCorrections((list) => list.map((x, j) => (j === i ? v : x)));
                  }}
                  data-testid={`correction-${i}`}
                />
                <CloseButton
                  aria-label={t('ff.removeRow', { n: i + 1 })}
                  disabled={corrections.length === 1}
                  onClick={() => setCorrections((list) => list.filter((_, j) => j !== i))}
                />
              </Group>
            ))}
            <Button
              size="compact-xs"
              variant="light"
              w="fit-content"
              onClick={() => setCorrections((l) => [...l, ''])}
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
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="acceptance-reason"
        />
      )}

      {error && (
        <Alert color="red" variant="light" role="alert" data-testid="acceptance-error" title={error.message}>
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
        <BusyButton onClick={() => void submit()} busy={busy} disabled={decision === null} data-testid="acceptance-submit">
          {t('fa.submit')}
        </BusyButton>
        <Text size="xs" c="dimmed">
          {t('fa.submitHint')}
        </Text>
      </Group>
    </Stack>
  );
}
