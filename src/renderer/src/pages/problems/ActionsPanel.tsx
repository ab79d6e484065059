import { Alert, Button, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import {
  BLOCKAGE_CLASSES,
  blockageRequired,
  problemPermission,
  type BlockageClass,
  type ProblemAction,
} from '../../../../shared/domain/problems';
import type { ProblemView } from '../../../../shared/contract/problems-views';
import type { Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { useProblemSettings } from './use-problem-settings';
import { useChannelForm, type ChannelRequest } from '../../forms/channel-form';

type Act = 'progress' | 'note' | 'solved' | 'pause' | 'reassign' | 'extend' | 'visit';
const ACTS: Act[] = ['progress', 'note', 'solved', 'pause', 'reassign', 'extend', 'visit'];
type ActRequest =
  | ChannelRequest<'problem.report'>
  | ChannelRequest<'problem.resolve'>
  | ChannelRequest<'problem.pause'>
  | ChannelRequest<'problem.reassign'>
  | ChannelRequest<'problem.extend'>
  | ChannelRequest<'problem.visit'>;

const initialValues = {
  text: '',
  lead: null as string | null,
  cooperating: [] as string[],
  days: 10,
  satisfied: true,
  cause: { class: null as BlockageClass | null, unit: null as string | null, text: '' },
};
type Values = typeof initialValues;

/** Where each request path is shown: the one text box carries text, reason or notes; the blockage its cause fields. */
const FIELD: Record<string, string> = {
  text: 'text',
  reason: 'text',
  notes: 'text',
  lead: 'lead',
  cooperating: 'cooperating',
  days: 'days',
  blockage: 'cause.class',
  'blockage.class': 'cause.class',
  'blockage.unit': 'cause.unit',
  'blockage.text': 'cause.text',
};
const fieldOf = (path: string) => FIELD[path] ?? (path.startsWith('cooperating.') ? 'cooperating' : null);

/**
 * What the signed-in department may do now, by the same permission table the desk enforces: the lead reports and
 * solves, involved units add notes, the coordinator hands over, extends and records the return visit.
 */
export function ActionsPanel({ problem, today, onDone }: { problem: ProblemView; today: string; onDone(p: ProblemView): void }) {
  const { t } = useTranslation();
  const { settings, dept } = useProblemSettings();
  const [act, setAct] = useState<Act | null>(null);
  const party = { state: problem.state, lead: problem.lead, cooperating: problem.cooperating };
  const allowed = settings
    ? ACTS.filter((a) => problemPermission(a as ProblemAction, party, settings.myDepartment, settings.policy.coordinator) === null)
    : [];
  const current = act && allowed.includes(act) ? act : (allowed[0] ?? 'note');
  const overdue = problem.clock ? blockageRequired({ today, dueDate: problem.clock.dueDate, extending: current === 'extend' }) : false;
  const needsCause = (current === 'solved' || current === 'reassign' || current === 'extend') && overdue;
  const ref = { problemId: problem.id, version: problem.version };

  const request = (v: Values): ActRequest => {
    const c = v.cause;
    const blockage = needsCause && c.class ? { class: c.class, unit: c.class === 'unit' ? c.unit : null, text: c.text } : null;
    if (current === 'progress' || current === 'note')
      return { channel: 'problem.report', input: { problemId: problem.id, kind: current, text: v.text } };
    if (current === 'solved') return { channel: 'problem.resolve', input: { ...ref, text: v.text, blockage } };
    if (current === 'pause') return { channel: 'problem.pause', input: { ...ref, pause: problem.pause === null, reason: v.text } };
    if (current === 'reassign')
      return { channel: 'problem.reassign', input: { ...ref, lead: v.lead ?? '', cooperating: v.cooperating, reason: v.text, blockage } };
    if (current === 'extend')
      return {
        channel: 'problem.extend',
        input: { ...ref, days: v.days, blockage: blockage ?? { class: c.class ?? 'mechanism', unit: null, text: c.text } },
      };
    return { channel: 'problem.visit', input: { ...ref, satisfied: v.satisfied, notes: v.text } };
  };
  const { form, ref: formRef, message, submit, clearMessage } = useChannelForm({ initialValues, request, field: fieldOf });
  if (!settings || allowed.length === 0) return null;
  const options = settings.departments.filter((d) => d.active).map((d) => ({ value: d.code, label: dept(d.code) }));
  const v = form.values;

  // Every act answers with the problem's new view.
  const send = (values: Values) => {
    const r = request(values);
    return call(r.channel, r.input as never) as Promise<Result<ProblemView>>;
  };
  const done = (p: ProblemView) => {
    form.setFieldValue('text', '');
    onDone(p);
  };

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs" data-testid="problem-actions" ref={formRef}>
        <SegmentedControl
          size="xs"
          value={current}
          onChange={(a) => (setAct(a as Act), form.clearErrors(), clearMessage())}
          data={allowed.map((a) => ({ value: a, label: t(a === 'pause' && problem.pause ? 'pu.act.resume' : `pu.act.${a}`) }))}
          data-testid="problem-act"
        />
        {message && <Alert color="red">{message}</Alert>}
        {current === 'reassign' && (
          <Group grow align="flex-start">
            <Select
              label={t('pu.f.lead')}
              data={options.filter((o) => o.value !== problem.lead)}
              {...form.getInputProps('lead')}
              data-testid="pa-lead"
            />
            <MultiSelect
              label={t('pu.f.cooperating')}
              data={options.filter((o) => o.value !== v.lead)}
              {...form.getInputProps('cooperating')}
            />
          </Group>
        )}
        {current === 'extend' && (
          <NumberInput
            label={t('pu.f.days')}
            {...form.getInputProps('days')}
            onChange={(d) => form.setFieldValue('days', Number(d) || 1)}
            min={1}
            max={120}
          />
        )}
        {current === 'visit' && (
          <Switch label={t('pu.f.satisfied')} {...form.getInputProps('satisfied', { type: 'checkbox' })} data-testid="pa-satisfied" />
        )}
        <Textarea label={t(`pu.text.${current}`)} {...form.getInputProps('text')} autosize minRows={2} data-testid="pa-text" />
        {(needsCause || current === 'extend') && (
          <Group grow align="flex-start" data-testid="pa-cause">
            <Select
              label={t('pu.f.cause')}
              data={BLOCKAGE_CLASSES.map((c) => ({ value: c, label: t(`pr.cause.${c}`) }))}
              {...form.getInputProps('cause.class')}
              data-testid="pa-cause-class"
            />
            {v.cause.class === 'unit' && (
              <Select label={t('pu.f.causeUnit')} data={options} {...form.getInputProps('cause.unit')} data-testid="pa-cause-unit" />
            )}
            <Textarea label={t('pu.f.causeText')} {...form.getInputProps('cause.text')} data-testid="pa-cause-text" />
          </Group>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit(send, done)} data-testid="pa-submit">
            {t('pu.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
