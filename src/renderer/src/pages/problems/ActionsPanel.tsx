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
import type { AppError, Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { useProblemSettings } from './use-problem-settings';

type Act = 'progress' | 'note' | 'solved' | 'pause' | 'reassign' | 'extend' | 'visit';
const ACTS: Act[] = ['progress', 'note', 'solved', 'pause', 'reassign', 'extend', 'visit'];

/**
 * What the signed-in department may do now, by the same permission table the desk enforces: the lead reports and
 * solves, involved units add notes, the coordinator hands over, extends and records the return visit.
 */
export function ActionsPanel({ problem, today, onDone }: { problem: ProblemView; today: string; onDone(p: ProblemView): void }) {
  const { t } = useTranslation();
  const { settings, dept } = useProblemSettings();
  const [act, setAct] = useState<Act | null>(null);
  const [text, setText] = useState('');
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [days, setDays] = useState<number>(10);
  const [satisfied, setSatisfied] = useState(true);
  const [cause, setCause] = useState<{ class: BlockageClass | null; unit: string | null; text: string }>({
    class: null,
    unit: null,
    text: '',
  });
  const [error, setError] = useState<AppError | null>(null);
  if (!settings) return null;
  const party = { state: problem.state, lead: problem.lead, cooperating: problem.cooperating };
  const allowed = ACTS.filter(
    (a) => problemPermission(a as ProblemAction, party, settings.myDepartment, settings.policy.coordinator) === null,
  );
  if (allowed.length === 0) return null;
  const current = act && allowed.includes(act) ? act : allowed[0]!;
  const overdue = problem.clock ? blockageRequired({ today, dueDate: problem.clock.dueDate, extending: current === 'extend' }) : false;
  const needsCause = (current === 'solved' || current === 'reassign' || current === 'extend') && overdue;
  const blockage =
    needsCause && cause.class ? { class: cause.class, unit: cause.class === 'unit' ? cause.unit : null, text: cause.text } : null;
  const ref = { problemId: problem.id, version: problem.version };
  const options = settings.departments.filter((d) => d.active).map((d) => ({ value: d.code, label: dept(d.code) }));
  const f = error?.fields ?? {};

  const submit = async () => {
    let r: Result<ProblemView>;
    if (current === 'progress' || current === 'note') r = await call('problem.report', { problemId: problem.id, kind: current, text });
    else if (current === 'solved') r = await call('problem.resolve', { ...ref, text, blockage });
    else if (current === 'pause') r = await call('problem.pause', { ...ref, pause: problem.pause === null, reason: text });
    else if (current === 'reassign')
      r = await call('problem.reassign', { ...ref, lead: lead ?? '', cooperating: co, reason: text, blockage });
    else if (current === 'extend')
      r = await call('problem.extend', {
        ...ref,
        days,
        blockage: blockage ?? { class: cause.class ?? 'mechanism', unit: null, text: cause.text },
      });
    else r = await call('problem.visit', { ...ref, satisfied, notes: text });
    if (!r.ok) return setError(r.error);
    setError(null);
    setText('');
    onDone(r.value);
  };

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs" data-testid="problem-actions">
        <SegmentedControl
          size="xs"
          value={current}
          onChange={(v) => (setAct(v as Act), setError(null))}
          data={allowed.map((a) => ({ value: a, label: t(a === 'pause' && problem.pause ? 'pu.act.resume' : `pu.act.${a}`) }))}
          data-testid="problem-act"
        />
        {error && !error.fields && <Alert color="red">{error.message}</Alert>}
        {current === 'reassign' && (
          <Group grow align="flex-start">
            <Select
              label={t('pu.f.lead')}
              data={options.filter((o) => o.value !== problem.lead)}
              value={lead}
              onChange={setLead}
              error={f.lead}
              data-testid="pa-lead"
            />
            <MultiSelect
              label={t('pu.f.cooperating')}
              data={options.filter((o) => o.value !== lead)}
              value={co}
              onChange={setCo}
              error={f.cooperating}
            />
          </Group>
        )}
        {current === 'extend' && (
          <NumberInput label={t('pu.f.days')} value={days} onChange={(v) => setDays(Number(v) || 1)} min={1} max={120} />
        )}
        {current === 'visit' && (
          <Switch
            label={t('pu.f.satisfied')}
            checked={satisfied}
            onChange={(e) => setSatisfied(e.currentTarget.checked)}
            data-testid="pa-satisfied"
          />
        )}
        <Textarea
          label={t(`pu.text.${current}`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={f.text ?? f.reason ?? f.notes}
          autosize
          minRows={2}
          data-testid="pa-text"
        />
        {(needsCause || current === 'extend') && (
          <Group grow align="flex-start" data-testid="pa-cause">
            <Select
              label={t('pu.f.cause')}
              data={BLOCKAGE_CLASSES.map((c) => ({ value: c, label: t(`pr.cause.${c}`) }))}
              value={cause.class}
              onChange={(c) => setCause({ ...cause, class: c as BlockageClass | null })}
              error={f.blockage}
              data-testid="pa-cause-class"
            />
            {cause.class === 'unit' && (
              <Select
                label={t('pu.f.causeUnit')}
                data={options}
                value={cause.unit}
                onChange={(u) => setCause({ ...cause, unit: u })}
                error={f['blockage.unit']}
                data-testid="pa-cause-unit"
              />
            )}
            <Textarea
              label={t('pu.f.causeText')}
              value={cause.text}
              onChange={(e) => setCause({ ...cause, text: e.currentTarget.value })}
              error={f['blockage.text']}
              data-testid="pa-cause-text"
            />
          </Group>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit()} data-testid="pa-submit">
            {t('pu.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
