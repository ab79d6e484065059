import { Alert, Badge, Group, Paper, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { TrajectoryMap } from '../../components/review/TrajectoryMap';
import { useQuery } from '../../hooks/use-call';
import { LEVEL_COLOR, useProblemSettings } from './use-problem-settings';

/** The problem's whole-process map (the filings' component), with the sentence on top: step, whose move, how long, why. */
export function ProblemMap({ problemId, version }: { problemId: number; version: number }) {
  const { t } = useTranslation();
  const { dept } = useProblemSettings();
  const { data, error } = useQuery('problem.trajectory', { problemId }, [version]);
  const { ref, width } = useElementSize();
  if (error) return <Alert color="red">{error.message}</Alert>;
  const s = data?.summary;
  return (
    <Paper withBorder p="sm" ref={ref} data-testid="problem-map">
      {s && data && (
        <Group gap="xs" mb="xs" data-testid="problem-map-summary" data-holder={s.holder ?? ''} data-cause={s.causeClass ?? ''}>
          <Badge variant="light">{t(`pr.state.${s.state}`)}</Badge>
          <Text size="sm" fw={600}>
            {t(s.reasonKey, { ...s.params, lead: dept(String(s.params.lead ?? '')) })}
          </Text>
          {s.holder && (
            <Text size="sm" c="dimmed">
              {t('pu.map.holder', { who: dept(s.holder), n: s.sinceDays })}
            </Text>
          )}
          {s.causeClass && (
            <Badge color="orange" variant="outline" data-testid="problem-map-cause">
              {t(`pr.cause.${s.causeClass}`)}
            </Badge>
          )}
          {data.clock.dueDate && s.state === 'dispatched' && (
            <Badge color={LEVEL_COLOR[data.clock.level]}>
              {t('pu.map.clock', { used: data.clock.countedDays, paused: data.clock.pausedDays, due: data.clock.dueDate })}
            </Badge>
          )}
        </Group>
      )}
      {data && width > 0 && <TrajectoryMap trajectory={data} width={Math.max(640, Math.floor(width) - 24)} laneLabel={dept} />}
    </Paper>
  );
}
