import { Alert, Badge, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProvisionalMark } from '../filing/ProvisionalMark';
import type { AppError } from '../../../../shared/result';
import type { ReviewView } from '../../../../shared/contract/review';
import { useQuery } from '../../hooks/use-call';
import { DaysLeft } from './UnitBadges';
import { useDeskForm } from '../../forms/desk-form';

/** The review clock, and for the clerk: pause it for an expert review, or resume it, with the reason recorded. */
export function ClockPanel(props: {
  view: ReviewView;
  canPause: boolean;
  onSaved(view: ReviewView): void;
  onStale(error: AppError): void;
}) {
  const { view, canPause, onSaved, onStale } = props;
  const { t } = useTranslation();
  // The filing's clock says whether it is paused; reloaded whenever the review view moves on.
  const { data: filing } = useQuery('filing.get', { id: view.filingId }, [view.filingVersion]);
  const clock = filing?.clock ?? null;
  const paused = clock?.paused ?? false;
  const level = clock?.daysLeft == null ? 'ok' : clock.daysLeft < 0 ? 'red' : clock.daysLeft <= 3 ? 'yellow' : 'ok';
  const { form, ref, busy, refusal, submit, reset } = useDeskForm({
    channel: 'review.pauseClock',
    initialValues: { reason: '' },
    request: ({ reason }) => ({ filingId: view.filingId, version: view.filingVersion, pause: !paused, reason }),
  });
  const toggle = submit(
    (saved) => {
      reset();
      onSaved(saved);
    },
    (error) => error.code === 'STALE' && (onStale(error), true),
  );

  return (
    <Paper ref={ref} withBorder p="sm" data-testid="clock-panel" data-paused={paused || undefined}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t('rv.clock.title')}
          </Text>
          {paused ? (
            <Badge color="gray" data-testid="clock-paused">
              {t('rv.clock.paused')}
            </Badge>
          ) : (
            <Badge color="blue" variant="light">
              {t('rv.clock.running')}
            </Badge>
          )}
          {clock?.dueDate && (
            <Text size="sm" className="tabular">
              {t('rv.clock.due', { date: clock.dueDate.slice(0, 10) })}
              <ProvisionalMark date={clock.dueDate.slice(0, 10)} />
            </Text>
          )}
          {clock && !paused && <DaysLeft daysLeft={clock.daysLeft} level={level} />}
        </Group>
        {canPause && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              w={280}
              label={paused ? t('rv.clock.resumeReason') : t('rv.clock.pauseReason')}
              placeholder={paused ? t('rv.clock.resumePlaceholder') : t('rv.clock.pausePlaceholder')}
              {...form.getInputProps('reason')}
              data-testid="clock-reason"
            />
            <Button size="xs" variant="light" onClick={() => toggle()} loading={busy} data-testid="clock-toggle">
              {paused ? t('rv.clock.resume') : t('rv.clock.pause')}
            </Button>
          </Group>
        )}
      </Group>
      {refusal && (
        <Alert color="red" p="xs" mt="xs">
          {refusal}
        </Alert>
      )}
    </Paper>
  );
}
