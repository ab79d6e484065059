import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/use-call';
import { ItemsTable } from '../../components/followup/ItemsTable';
import { RunPeriodCard } from '../../components/followup/RunPeriodCard';

/** One filing's closed loop: its run period and its tracked items (missing papers and conditions). */
export function FollowUpTab({ filingId, version, onChanged }: { filingId: number; version: number; onChanged(): void }) {
  const { t } = useTranslation();
  const period = useQuery('followup.runPeriod', { filingId }, [version]);
  const items = useQuery('followup.list', { filingId, unit: null, states: [], alertOnly: false, offset: 0, limit: 500 }, [version]);
  const changed = () => {
    void period.reload();
    void items.reload();
    onChanged();
  };
  return (
    <Stack gap="sm" data-testid="followup-tab">
      {period.data && <RunPeriodCard period={period.data} onChanged={changed} />}
      <Title order={5}>{t('fu.items.title')}</Title>
      {(period.error ?? items.error) && <Alert color="red">{(period.error ?? items.error)!.message}</Alert>}
      {items.data && <ItemsTable rows={items.data.rows} showFiling={false} onChanged={changed} />}
    </Stack>
  );
}
