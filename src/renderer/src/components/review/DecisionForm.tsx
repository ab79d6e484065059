import { Alert, Divider, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import type { ReviewView } from '../../../../shared/contract/review';
import { REVIEW_DECISIONS, type ReviewDecision } from '../../../../shared/domain/review';
import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode } from '../../../../shared/domain/units';
import { call } from '../../api/client';
import { ChecklistEditor } from './ChecklistEditor';
import { useItemPapers } from './ChecklistPapers';
import { ConditionsEditor } from './ConditionsEditor';
import { useDecisionDraft } from './use-decision-draft';
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
  const papersOf = useItemPapers(filingId, settings, lang);
  const draft = useDecisionDraft({ filingId, section, round, filingVersion }, items, previous, previous?.decision ?? '');
  const { decision, rows, conditions } = draft;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setMessage(null);
    const { input, errors: local } = draft.check();
    if (!input) {
      setErrors(local);
      setMessage(t('rv.form.fixMarked'));
      return;
    }
    setBusy(true);
    const r = await call('review.decide', input);
    setBusy(false);
    draft.answered(r.ok ? null : r.error);
    if (r.ok) {
      setErrors({});
      onSaved(r.value);
      return;
    }
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
            onChange={(i, p) => draft.setRow(rows[i]!.code, p)}
            onAllPass={draft.allPass}
            papersOf={papersOf}
          />
        )}
        <Divider />
        <Radio.Group
          label={t('rv.form.decision')}
          value={decision}
          onChange={(v) => draft.choose(v as ReviewDecision)}
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
            value={draft.reason}
            onChange={(e) => draft.setReason(e.currentTarget.value)}
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
          value={draft.opinion}
          onChange={(e) => draft.setOpinion(e.currentTarget.value)}
          error={errors.opinion}
          data-testid="decision-opinion"
        />
        {decision === 'approveWithConditions' && (
          <ConditionsEditor rows={conditions} errors={errors} defaultUnit={section} onChange={draft.setConditions} />
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
