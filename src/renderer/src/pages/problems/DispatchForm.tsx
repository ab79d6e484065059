import { Alert, Button, Group, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { gradeProblem, PROBLEM_GRADES, suggestGrade, type DepartmentKind, type ProblemGrade } from '../../../../shared/domain/problems';
import type { ProblemView } from '../../../../shared/contract/problems-views';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api/client';
import { useProblemSettings } from './use-problem-settings';

/**
 * Dispatch (交办): lead unit, co-operating units, grade and next-step opinion. The suggested grade comes from the same
 * rule the desk enforces; choosing another asks for the reason before the request is sent.
 */
export function DispatchForm({
  problem,
  meetingId,
  onDone,
}: {
  problem: ProblemView;
  meetingId: number | null;
  onDone(p: ProblemView): void;
}) {
  const { t } = useTranslation();
  const { settings, dept } = useProblemSettings();
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [grade, setGrade] = useState<ProblemGrade | null>(null);
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const depts = (settings?.departments ?? []).filter((d) => d.active);
  const kind = (code: string) => (depts.find((d) => d.code === code)?.kind ?? 'district') as DepartmentKind;
  const suggested = lead
    ? suggestGrade({ lead: { code: lead, kind: kind(lead) }, cooperating: co.map((c) => ({ code: c, kind: kind(c) })) })
    : null;
  const chosen = grade ?? suggested?.grade ?? null;
  const reasonFault = chosen && suggested ? gradeProblem(chosen, suggested.grade, reason) : null;
  const f = error?.fields ?? {};
  const submit = async () => {
    if (!lead || !chosen) return;
    const r = await call('problem.dispatch', {
      problemId: problem.id,
      version: problem.version,
      meetingId,
      lead,
      cooperating: co,
      grade: chosen,
      gradeReason: reason,
      opinion,
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    onDone(r.value);
  };
  const options = depts.map((d) => ({ value: d.code, label: dept(d.code) }));
  return (
    <Stack gap="xs" data-testid="dispatch-form">
      {error && !error.fields && <Alert color="red">{error.message}</Alert>}
      <Group grow align="flex-start">
        <Select label={t('pu.f.lead')} data={options} value={lead} onChange={setLead} error={f.lead} searchable data-testid="df-lead" />
        <MultiSelect
          label={t('pu.f.cooperating')}
          data={options.filter((o) => o.value !== lead)}
          value={co}
          onChange={setCo}
          error={f.cooperating}
          searchable
          data-testid="df-co"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('pu.f.grade')}
          data={PROBLEM_GRADES.map((g) => ({ value: g, label: t(`pr.grade.${g}`) }))}
          value={chosen}
          onChange={(g) => setGrade(g as ProblemGrade | null)}
          description={suggested ? `${t('pu.suggested')}: ${t(suggested.reasonKey)}` : undefined}
          data-testid="df-grade"
        />
        <Text size="sm" mt={28} data-testid="df-deadline">
          {chosen && settings ? t('pu.deadlineDays', { n: settings.policy.limits[chosen] }) : ''}
        </Text>
      </Group>
      {(reasonFault || reason || f.gradeReason) && (
        <Textarea
          label={t('pu.f.gradeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={f.gradeReason ?? (reasonFault ? t(reasonFault) : undefined)}
          data-testid="df-grade-reason"
        />
      )}
      <Textarea
        label={t('pu.f.opinion')}
        value={opinion}
        onChange={(e) => setOpinion(e.currentTarget.value)}
        error={f.opinion}
        autosize
        minRows={2}
        data-testid="df-opinion"
      />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} disabled={!lead || !!reasonFault} data-testid="df-submit">
          {t('pu.dispatch')}
        </Button>
      </Group>
    </Stack>
  );
}
