import { Alert, Divider, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { ReviewView } from '../../../../shared/contract/review';
import { REVIEW_DECISIONS, type ReviewDecision } from '../../../../shared/domain/review';
import { checklistPath, checklistProblems } from '../../../../shared/domain/checklist';
import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode } from '../../../../shared/domain/units';
import { call } from '../../api/client';
import { ChecklistEditor, type ChecklistRow } from './ChecklistEditor';
import { ConditionsEditor, type ConditionRow } from './ConditionsEditor';
import { newIdempotencyKey } from '../../api/idempotency';
import { BusyButton } from '../BusyButton';

/** Display order: the usual outcome first, the rare ones last (the rule's severity order is for aggregation). */
const DECISION_ORDER: ReviewDecision[] = ['approve', 'approveWithConditions', 'revise', 'reject', 'notInvolved'];

interface Props {
  filingId: number;
  section: UnitCode;
  round: number;
  /** The filing version this screen shows; the decision is bound to it. */
  filingVersion: number;
  settings: Settings | null;
  lang: string;
  /** The section's current decision when it went stale, to start from what was signed. */
  previous: ReviewView['sections'][number]['current'];
  onSaved(view: ReviewView): void;
  onStale(error: AppError): void;
}

export function DecisionForm(props: Props) {
  const { filingId, section, round, filingVersion, settings, lang, previous, onSaved, onStale } = props;
  const { t } = useTranslation();
  const items = settings?.checklists[section] ?? [];
  const [decision, setDecision] = useState<ReviewDecision | ''>(previous?.decision ?? '');
  const [opinion, setOpinion] = useState(previous?.opinion ?? '');
  const [reason, setReason] = useState(previous?.notInvolvedReason ?? '');
  const [checks, setChecks] = useState<ChecklistRow[] | null>(null);
  // Re-confirming a stale decision starts from what was signed; the due date is asked again in working days.
  const [conditions, setConditions] = useState<ConditionRow[]>(() =>
    (previous?.conditions ?? []).map((c) => ({ text: c.text, verifyingUnit: c.verifyingUnit, dueDays: 20, blocks: c.blocks })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  // Settings arrive after the first render; the checklist rows follow them, carrying over earlier answers.
  const rows: ChecklistRow[] =
    checks ??
    items.map((it) => {
      const before = previous?.checklist.find((c) => c.code === it.code);
      return { code: it.code, result: before?.result ?? '', note: before?.note ?? '' };
    });
  const setRow = (i: number, patch: Partial<ChecklistRow>) => setChecks(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const allPass = () => setChecks(rows.map((r) => (r.result ? r : { ...r, result: 'pass' })));
  const edited = () => {
    // A changed intent is a new intent: only an identical retry may reuse the key.
    setKey(newIdempotencyKey());
  };

  const chooseDecision = (v: string) => {
    const d = v as ReviewDecision;
    setDecision(d);
    edited();
    if (d === 'approveWithConditions' && conditions.length === 0)
      setConditions([{ text: '', verifyingUnit: section, dueDays: 20, blocks: 'hold' }]);
  };

  const submit = async () => {
    setMessage(null);
    const local: Record<string, string> = {};
    if (!decision) local.decision = t('rv.form.chooseDecision');
    // The server's own checklist rule (domain §6), so each item is marked before anything is sent.
    if (decision) for (const p of checklistProblems(items, rows, decision)) local[checklistPath(p.code, p.field)] ??= t(p.key, p.params);
    if (Object.keys(local).length > 0 || !decision) {
      setErrors(local);
      setMessage(t('rv.form.fixMarked'));
      return;
    }
    setBusy(true);
    const r = await call('review.decide', {
      filingId,
      section,
      round,
      filingVersion,
      decision,
      opinion,
      notInvolvedReason: decision === 'notInvolved' ? reason : '',
      checklist: rows
        .filter((c) => c.result !== '')
        .map((c) => ({ code: c.code, result: c.result as Exclude<ChecklistRow['result'], ''>, note: c.note })),
      conditions:
        decision === 'approveWithConditions'
          ? conditions.map((c) => ({
              text: c.text,
              verifyingUnit: c.verifyingUnit,
              dueDays: c.dueDays === '' ? 0 : c.dueDays,
              blocks: c.blocks,
            }))
          : [],
      idempotencyKey: key,
    });
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setKey(newIdempotencyKey());
      onSaved(r.value);
      return;
    }
    // A transport failure may have committed: keep the key so the retry returns the same decision.
    if (r.error.code !== 'INTERNAL') setKey(newIdempotencyKey());
    if (r.error.code === 'STALE') {
      onStale(r.error);
      return;
    }
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  };

  const severe = decision === 'reject' || decision === 'revise';
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="decision-form">
      <Stack gap="sm">
        <Title order={5}>{t('rv.form.title', { n: round })}</Title>
        {rows.length > 0 && (
          <ChecklistEditor
            items={items}
            rows={rows}
            lang={lang}
            errors={errors}
            onChange={(i, p) => {
              setRow(i, p);
              edited();
            }}
            onAllPass={() => {
              allPass();
              edited();
            }}
          />
        )}
        <Divider />
        <Radio.Group
          label={t('rv.form.decision')}
          value={decision}
          onChange={chooseDecision}
          error={errors.decision}
          data-testid="decision-choice"
        >
          <Group gap="md" mt={4}>
            {DECISION_ORDER.filter((d) => REVIEW_DECISIONS.includes(d)).map((d) => (
              <Radio key={d} value={d} label={t(`rv.decision.${d}`)} data-testid={`decision-${d}-radio`} />
            ))}
          </Group>
        </Radio.Group>
        {decision === 'notInvolved' && (
          <Textarea
            label={t('rv.form.notInvolvedReason')}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              edited();
            }}
            error={errors.notInvolvedReason}
            data-testid="decision-reason"
          />
        )}
        <Textarea
          label={t('rv.form.opinion')}
          description={severe ? t('rv.form.opinionHintSevere') : undefined}
          withAsterisk={decision !== '' && decision !== 'approve' && decision !== 'notInvolved'}
          autosize
          minRows={3}
          maxRows={12}
          value={opinion}
          onChange={(e) => {
            setOpinion(e.currentTarget.value);
            edited();
          }}
          error={errors.opinion}
          data-testid="decision-opinion"
        />
        {decision === 'approveWithConditions' && (
          <ConditionsEditor
            rows={conditions}
            errors={errors}
            defaultUnit={section}
            onChange={(c) => {
              setConditions(c);
              edited();
            }}
          />
        )}
        {message && (
          <Alert color="red" p="xs" data-testid="decision-error">
            {message}
          </Alert>
        )}
        <Group justify="space-between" className="decision-bar" data-testid="decision-bar">
          <Text size="xs" c="dimmed">
            {t('rv.form.boundTo', { v: filingVersion })}
          </Text>
          <BusyButton onClick={() => void submit()} busy={busy} data-testid="decision-submit">
            {t('rv.form.submit')}
          </BusyButton>
        </Group>
      </Stack>
    </Paper>
  );
}
