import { Alert, Badge, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProvisionalMark } from '../filing/ProvisionalMark';
import type { AppError } from '../../../../shared/result';
import type { ReviewView } from '../../../../shared/contract/review';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { DaysLeft } from './UnitBadges';

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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const clock = filing?.clock ?? null;
  const paused = clock?.paused ?? false;
  const level = clock?.daysLeft == null ? 'ok' : clock.daysLeft < 0 ? 'red' : clock.daysLeft <= 3 ? 'yellow' : 'ok';

  const toggle = async () => {
    setBusy(true);
    const r = await call('review.pauseClock', { filingId: view.filingId, version: view.filingVersion, pause: !paused, reason });
    setBusy(false);
    if (r.ok) {
      setReason('');
      setError(null);
      onSaved(r.value);
    } else if (r.error.code === 'STALE') onStale(r.error);
    else setError(r.error);
  };

  return (
    <Paper withBorder p="sm" data-testid="clock-panel" data-paused={paused || undefined}>
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
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error?.fields?.reason}
              data-testid="clock-reason"
            />
            <Button size="xs" variant="light" onClick={toggle} loading={busy} data-testid="clock-toggle">
              {paused ? t('rv.clock.resume') : t('rv.clock.pause')}
            </Button>
          </Group>
        )}
      </Group>
      {error && !error.fields?.reason && (
        <Alert color="red" p="xs" mt="xs">
          {error.message}
        </Alert>
      )}
    </Paper>
  );
}
