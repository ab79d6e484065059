import { Badge, Group, Loader, Pagination, Paper, SegmentedControl, Select, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import type { ITEM_STATES } from '../../../../shared/contract/followup';
import { call } from '../../api/client';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { useLiveReload } from '../../components/review/use-live';
import { ItemsTable } from '../../components/followup/ItemsTable';
import { ExportMenu } from '../../components/followup/ExportMenu';
import { SweepModal } from '../../components/followup/SweepModal';
import { BusyButton } from '../../components/BusyButton';
import type { Output } from '../../../../shared/contract';
import { LoadError } from '../../components/LoadError';

const PAGE = 50;
type StateFilter = 'active' | 'all' | (typeof ITEM_STATES)[number];

/** Every tracked item across filings: by verifying unit, by state, or only what is due or overdue. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [unit, setUnit] = useState<UnitCode | null>(actor?.role === 'reviewer' ? actor.unit : null);
  const [state, setState] = useState<StateFilter>('active');
  const [alertOnly, setAlertOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [sweeping, setSweeping] = useState(false);
  const states = state === 'active' ? (['open', 'supplied'] as const) : state === 'all' ? [] : [state];
  const { data, error, loading, reload } = useQuery('followup.list', {
    filingId: null,
    unit,
    states: [...states],
    alertOnly,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  useLiveReload(['filing.changed', 'notifications.changed'], reload);

  const [plan, setPlan] = useState<Output<'followup.sweepPreview'> | null>(null);
  // First the preview: what the sweep will do, each revocation to be confirmed (domain §9).
  const preview = async () => {
    setSweeping(true);
    const r = await call('followup.sweepPreview', { filingId: null });
    setSweeping(false);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    setPlan(r.value);
  };
  const sweep = async (revoke: number[]) => {
    setSweeping(true);
    const r = await call('followup.sweep', { filingId: null, revoke });
    setSweeping(false);
    setPlan(null);
    if (!r.ok) return notifications.show({ color: 'red', message: r.error.message });
    const acts = r.value.actions;
    notifications.show({
      color: acts.length ? 'orange' : 'green',
      title: t('fu.sweep.done'),
      message: acts.length ? acts.map((a) => `${a.filingNo} ${t(`fu.sweep.action.${a.action}`)}`).join('；') : t('fu.sweep.nothing'),
      autoClose: 10000,
    });
    void reload();
  };

  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3}>{t('fu.items.pageTitle')}</Title>
          <Badge variant="light" data-testid="items-total">
            {data?.total ?? 0}
          </Badge>
          {loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          {actor?.role === 'clerk' && (
            <BusyButton size="xs" variant="light" color="orange" onClick={() => void preview()} busy={sweeping} data-testid="run-sweep">
              {t('fu.sweep.run')}
            </BusyButton>
          )}
          <ExportMenu />
        </Group>
      </Group>
      <Group gap="md" mb="sm" align="flex-end">
        <Select
          label={t('fu.filter.unit')}
          data={[{ value: '', label: t('fu.filter.allUnits') }, ...UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }))]}
          value={unit ?? ''}
          onChange={(v) => {
            setUnit((v || null) as UnitCode | null);
            setPage(1);
          }}
          w={160}
          allowDeselect={false}
          data-testid="filter-unit"
        />
        <SegmentedControl
          value={state}
          onChange={(v) => {
            setState(v as StateFilter);
            setPage(1);
          }}
          data={(['active', 'open', 'supplied', 'closed', 'notApplied', 'all'] as const).map((s) => ({
            value: s,
            label: t(`fu.filter.${s}`),
          }))}
          data-testid="filter-state"
        />
        <Switch
          label={t('fu.filter.alertOnly')}
          checked={alertOnly}
          onChange={(e) => {
            setAlertOnly(e.currentTarget.checked);
            setPage(1);
          }}
          data-testid="filter-alert"
        />
      </Group>
      {error && <LoadError message={error.message} onRetry={() => void reload()} />}
      {data && <ItemsTable rows={data.rows} showFiling onChanged={() => void reload()} />}
      {plan && <SweepModal key={plan.today} plan={plan} busy={sweeping} onClose={() => setPlan(null)} onRun={(ids) => void sweep(ids)} />}
      {data && data.total > PAGE && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">
            {t('fu.items.count', { n: data.total })}
          </Text>
          <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Paper>
  );
}
