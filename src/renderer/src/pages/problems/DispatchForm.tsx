import { Alert, Button, Group, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { gradeProblem, PROBLEM_GRADES, suggestGrade, type DepartmentKind, type ProblemGrade } from '../../../../shared/domain/problems';
import type { ProblemView } from '../../../../shared/contract/problems-views';
import { call } from '../../api/client';
import { useProblemSettings } from './use-problem-settings';
import { useChannelForm } from '../../forms/channel-form';

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
  const depts = (settings?.departments ?? []).filter((d) => d.active);
  const kind = (code: string) => (depts.find((d) => d.code === code)?.kind ?? 'district') as DepartmentKind;
  const suggest = (lead: string | null, co: string[]) =>
    lead ? suggestGrade({ lead: { code: lead, kind: kind(lead) }, cooperating: co.map((c) => ({ code: c, kind: kind(c) })) }) : null;
  const initialValues = {
    lead: null as string | null,
    cooperating: [] as string[],
    grade: null as ProblemGrade | null,
    gradeReason: '',
    opinion: '',
  };
  // An unchosen grade is the suggested one.
  const input = (v: typeof initialValues) => ({
    problemId: problem.id,
    version: problem.version,
    meetingId,
    lead: v.lead ?? '',
    cooperating: v.cooperating,
    grade: (v.grade ?? suggest(v.lead, v.cooperating)?.grade ?? '') as ProblemGrade,
    gradeReason: v.gradeReason,
    opinion: v.opinion,
  });
  const { form, ref, message, submit } = useChannelForm({
    initialValues,
    request: (v) => ({ channel: 'problem.dispatch', input: input(v) }),
    field: (path) => (path.startsWith('cooperating') ? 'cooperating' : path in initialValues ? path : null),
  });
  const v = form.values;
  const suggested = suggest(v.lead, v.cooperating);
  const chosen = v.grade ?? suggested?.grade ?? null;
  const reasonFault = chosen && suggested ? gradeProblem(chosen, suggested.grade, v.gradeReason) : null;
  const send = () => submit((values) => call('problem.dispatch', input(values)), onDone);
  const options = depts.map((d) => ({ value: d.code, label: dept(d.code) }));
  return (
    <Stack gap="xs" data-testid="dispatch-form" ref={ref}>
      {message && <Alert color="red">{message}</Alert>}
      <Group grow align="flex-start">
        <Select label={t('pu.f.lead')} data={options} {...form.getInputProps('lead')} searchable data-testid="df-lead" />
        <MultiSelect
          label={t('pu.f.cooperating')}
          data={options.filter((o) => o.value !== v.lead)}
          {...form.getInputProps('cooperating')}
          searchable
          data-testid="df-co"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('pu.f.grade')}
          data={PROBLEM_GRADES.map((g) => ({ value: g, label: t(`pr.grade.${g}`) }))}
          {...form.getInputProps('grade')}
          value={chosen}
          description={suggested ? `${t('pu.suggested')}: ${t(suggested.reasonKey)}` : undefined}
          data-testid="df-grade"
        />
        <Text size="sm" mt={28} data-testid="df-deadline">
          {chosen && settings ? t('pu.deadlineDays', { n: settings.policy.limits[chosen] }) : ''}
        </Text>
      </Group>
      {(reasonFault || v.gradeReason || form.errors.gradeReason) && (
        <Textarea
          label={t('pu.f.gradeReason')}
          {...form.getInputProps('gradeReason')}
          error={form.errors.gradeReason ?? (reasonFault ? t(reasonFault) : undefined)}
          data-testid="df-grade-reason"
        />
      )}
      <Textarea label={t('pu.f.opinion')} {...form.getInputProps('opinion')} autosize minRows={2} data-testid="df-opinion" />
      <Group justify="flex-end">
        <Button onClick={() => void send()} disabled={!v.lead || !!reasonFault} data-testid="df-submit">
          {t('pu.dispatch')}
        </Button>
      </Group>
    </Stack>
  );
}
