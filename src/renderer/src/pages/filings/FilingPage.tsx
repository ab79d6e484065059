import { Alert, Anchor, Badge, Center, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import type { FilingView } from '../../../../shared/contract/filings';
import { EDITABLE_STATES } from '../../../../shared/domain/states';
import { call, subscribe } from '../../api/client';
import { useActor } from '../../session';
import { navigate } from '../../router';
import { StateBadge, ConditionalBadge } from '../../components/filing/StateBadge';
import { DueDate } from '../../components/filing/DueDate';
import { useSettings } from '../../components/filing/use-settings';
import { ReviewTab } from '../review/ReviewTab';
import { TrajectoryTab } from '../review/TrajectoryTab';
import { CertificatesTab } from '../certificates/CertificatesTab';
import { FollowUpTab } from '../followup/FollowUpTab';
import { handedView, useDraft } from './use-draft';
import { focusFirstError } from '../../components/filing/field-errors';
import { RecordPanel, SaveIndicator } from './RecordPanel';
import { MaterialsTab } from './MaterialsTab';
import { AcceptanceTab } from './AcceptanceTab';
import { BusyButton } from '../../components/BusyButton';

/** Loads the filing and keeps it current (live events); the workspace mounts once it is known. */
export function FilingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const filingId = /^\d+$/.test(id) ? Number(id) : null;
  // A filing just created by the new-filing form opens at once with the view it came back with.
  const [view, setView] = useState<FilingView | null>(() => (filingId === null ? null : handedView(filingId)));
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (filingId === null) return;
    const r = await call('filing.get', { id: filingId });
    if (r.ok) setView((v) => (v && v.id === r.value.id && v.version > r.value.version ? v : r.value));
    else setError(r.error.message);
  }, [filingId]);

  useEffect(() => {
    // Fetching on mount is the point; state is only set once the answer arrives.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    return subscribe('filing.changed', (p) => {
      if (p.filingId === filingId) void load();
    });
  }, [filingId, load]);

  // A view of the previous filing (after following a link between filings) is never shown for this one.
  const shown = view && view.id === filingId ? view : null;
  if (filingId === null) return <Text c="dimmed">{t('shell.notFound')}</Text>;
  if (error && !shown)
    return (
      <Alert color="red" data-testid="filing-error">
        {error}
      </Alert>
    );
  if (!shown)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  return <FilingWorkspace key={shown.id} view={shown} onView={setView} reload={load} />;
}

function FilingWorkspace({ view, onView, reload }: { view: FilingView; onView(v: FilingView): void; reload(): Promise<void> }) {
  const { t } = useTranslation();
  const actor = useActor();
  const settings = useSettings();
  const isClerk = actor?.role === 'clerk';
  const editable = isClerk && (EDITABLE_STATES as readonly string[]).includes(view.state);
  const draft = useDraft({ view, editable, onView });
  const [tab, setTab] = useState<string | null>(() => firstTab(view.state, actor?.role));
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const canSubmit = isClerk && (view.state === 'draft' || view.state === 'correction_requested');
  const onChanged = useCallback(() => void reload(), [reload]);
  useEffect(() => {
    document.title = `${view.filingNo} · ${t('app.title')}`;
  }, [view.filingNo, t]);

  const submit = async () => {
    setSubmitError(null);
    setSubmitting(true);
    const saved = await draft.flush();
    if (!saved) {
      setSubmitting(false);
      setTab('record');
      setSubmitError(t('fp.submitFixFirst'));
      focusFirstError();
      return;
    }
    // The autosave may have bumped the version; the page view holds the latest.
    const latest = await call('filing.get', { id: view.id });
    const version = latest.ok ? latest.value.version : view.version;
    const r = await call('filing.submit', { id: view.id, version });
    setSubmitting(false);
    if (r.ok) {
      onView(r.value);
      // The submit button leaves with the draft state; the clerk's next step, the acceptance decision, takes the focus.
      setTab('acceptance');
      setTimeout(() => document.querySelector<HTMLElement>('[data-testid="tab-acceptance"]')?.focus(), 0);
      return;
    }
    setSubmitError(r.error.message);
    if (r.error.fields) {
      draft.setServerErrors(r.error.fields);
      setTab('record');
      focusFirstError();
    }
  };

  const clock = view.clock;
  const warningDays = settings?.timeLimits.warningDays ?? 3;
  const tabProps = { filingId: view.id, version: view.version, onChanged };
  return (
    <Stack gap="sm" data-testid="filing-page" data-filing-id={view.id} data-version={view.version}>
      <Paper withBorder p="sm" radius="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Anchor size="sm" href="#/filings">
                {t('fp.back')}
              </Anchor>
              <Text size="sm" c="dimmed" className="tabular" data-testid="filing-no">
                {view.filingNo}
              </Text>
              <StateBadge state={view.state} />
              {view.acceptance?.decision === 'conditional' && <ConditionalBadge />}
              {view.isDemo && (
                <Badge color="yellow" variant="light" size="sm">
                  {t('shell.demo')}
                </Badge>
              )}
            </Group>
            <Title order={3} lineClamp={1} data-testid="filing-title">
              {draft.values.project.name || t('fp.untitled')}
            </Title>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {draft.values.applicant.name || t('fp.noApplicant')}
              {draft.values.applicant.creditCode ? ` · ${draft.values.applicant.creditCode}` : ''}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            {clock && (
              <Group gap={6} wrap="nowrap" data-testid="filing-clock">
                <Text size="sm" c="dimmed">
                  {t(`fp.step.${clock.step}`, { defaultValue: clock.step })}
                </Text>
                <Text size="sm">{t('fp.due')}</Text>
                <DueDate date={clock.dueDate} warningDays={warningDays} />
                {clock.daysLeft !== null && (
                  <Text size="sm" c={clock.daysLeft < 0 ? 'red' : clock.daysLeft <= warningDays ? 'orange' : 'dimmed'}>
                    {clock.daysLeft < 0 ? t('fp.overdueDays', { n: -clock.daysLeft }) : t('fp.daysLeft', { n: clock.daysLeft })}
                  </Text>
                )}
                {clock.paused && (
                  <Badge size="sm" color="gray">
                    {t('fp.paused')}
                  </Badge>
                )}
              </Group>
            )}
            <Group gap="sm" wrap="nowrap">
              {editable && <SaveIndicator draft={draft} />}
              {canSubmit && (
                <BusyButton onClick={() => void submit()} busy={submitting} disabled={draft.status === 'stale'} data-testid="filing-submit">
                  {view.state === 'draft' ? t('fp.submit') : t('fp.resubmit')}
                </BusyButton>
              )}
            </Group>
          </Stack>
        </Group>
        {submitError && (
          <Alert mt="xs" color="red" variant="light" data-testid="submit-error" role="alert">
            {submitError}
          </Alert>
        )}
      </Paper>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="record" data-testid="tab-record">
            {t('fp.tab.record')}
          </Tabs.Tab>
          <Tabs.Tab value="materials" data-testid="tab-materials">
            {t('fp.tab.materials')}
          </Tabs.Tab>
          <Tabs.Tab value="acceptance" data-testid="tab-acceptance">
            {t('fp.tab.acceptance')}
          </Tabs.Tab>
          <Tabs.Tab value="review" data-testid="tab-review">
            {t('fp.tab.review')}
          </Tabs.Tab>
          <Tabs.Tab value="trajectory" data-testid="tab-trajectory">
            {t('fp.tab.trajectory')}
          </Tabs.Tab>
          <Tabs.Tab value="certificates" data-testid="tab-certificates">
            {t('fp.tab.certificates')}
          </Tabs.Tab>
          <Tabs.Tab value="followup" data-testid="tab-followup">
            {t('fp.tab.followup')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="record" pt="sm">
          <RecordPanel draft={draft} settings={settings} readOnly={!editable} />
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="sm">
          <MaterialsTab view={view} settings={settings} canEdit={editable} onView={onView} reload={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="acceptance" pt="sm">
          <AcceptanceTab view={view} settings={settings} canDecide={isClerk && view.state === 'submitted'} onView={onView} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="sm">
          <ReviewTab {...tabProps} />
        </Tabs.Panel>
        <Tabs.Panel value="trajectory" pt="sm">
          <TrajectoryTab {...tabProps} />
        </Tabs.Panel>
        <Tabs.Panel value="certificates" pt="sm">
          <CertificatesTab {...tabProps} />
        </Tabs.Panel>
        <Tabs.Panel value="followup" pt="sm">
          <FollowUpTab {...tabProps} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export const openFiling = (id: number) => navigate(`/filings/${id}`);

/** Where a filing opens: at the step that waits for the reader — a reviewer's unit review, a clerk's acceptance. */
function firstTab(state: FilingView['state'], role: string | undefined): string {
  if (role === 'reviewer' && (state === 'in_review' || state === 'supplement_requested')) return 'review';
  if (role === 'clerk' && state === 'submitted') return 'acceptance';
  return 'record';
}
