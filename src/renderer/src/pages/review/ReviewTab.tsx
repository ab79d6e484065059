import { Alert, Badge, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_CODES, type UnitCode } from '../../../../shared/domain/units';
import type { ReviewView } from '../../../../shared/contract/review';
import type { AppError } from '../../../../shared/result';
import { useQuery } from '../../hooks/use-call';
import { useActor } from '../../session';
import { useSettings } from '../../components/filing/use-settings';
import { useLiveReload } from '../../components/review/use-live';
import { unitName } from '../../components/review/labels';
import { RoundsSummary } from '../../components/review/RoundsSummary';
import { SectionCard } from '../../components/review/SectionCard';
import { DecisionForm } from '../../components/review/DecisionForm';
import { DiffModal } from '../../components/review/DiffModal';
import { SupplementPanel } from '../../components/review/SupplementPanel';
import { ClockPanel } from '../../components/review/ClockPanel';
import { ChangeDecision } from '../../components/review/ChangeDecision';
import { UnitDesk } from '../../components/review/UnitDesk';

/** The joint review of one filing: rounds, the five unit sections, and the actions the signed-in user may take. */
export function ReviewTab({ filingId, version, onChanged }: { filingId: number; version: number; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actor = useActor();
  const settings = useSettings();
  const { data: view, error, loading, reload, setData } = useQuery('review.get', { filingId }, [version]);
  const [stale, setStale] = useState<string | null>(null);
  const [diffFor, setDiffFor] = useState<UnitCode | null>(null);
  const [changing, setChanging] = useState(false);
  const myUnit = actor?.role === 'reviewer' ? actor.unit : null;
  useLiveReload(
    ['filing.changed', 'inbox.changed'],
    reload,
    (event, payload) => event !== 'filing.changed' || (payload as { filingId: number }).filingId === filingId,
  );

  const saved = (next: ReviewView, messageKey: string) => {
    setData(next);
    setChanging(false);
    setStale(null);
    notifications.show({ color: 'green', message: t(messageKey) });
    onChanged();
    // The form that held the focus is replaced by the signed decision: the unit's section takes the focus.
    if (myUnit) setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="section-${myUnit}"]`)?.focus(), 0);
  };
  const onStale = (e: AppError) => {
    setStale(e.message);
    void reload();
    onChanged();
  };

  if (!view) {
    if (error) return <Alert color="red">{error.message}</Alert>;
    return <Loader size="sm" />;
  }

  const name = (u: UnitCode) => unitName(settings, u, lang, t(`unit.${u}`));
  const sections = UNIT_CODES.map((u) => view.sections.find((s) => s.section === u)).filter((s) => s !== undefined);
  const canDecide = (s: (typeof sections)[number]) =>
    myUnit === s.section &&
    s.inRound &&
    view.state === 'in_review' &&
    view.currentRound !== null &&
    (!s.current || s.current.stale || s.current.round !== view.currentRound);
  // Domain §6: while the round is open a unit may change its decision; the replaced one stays in the history.
  const canChange = (s: (typeof sections)[number]) =>
    myUnit === s.section &&
    s.inRound &&
    view.state === 'in_review' &&
    !!s.current &&
    !s.current.stale &&
    s.current.round === view.currentRound;
  const isClerk = actor?.role === 'clerk';
  const decided = (s: (typeof sections)[number]) => s.current && !s.current.stale && s.current.round === view.currentRound;
  const waitingUnits = sections.filter((s) => s.inRound && !decided(s)).map((s) => s.section);

  const card = (s: (typeof sections)[number]) => (
    <SectionCard
      key={s.section}
      section={s}
      name={name(s.section)}
      settings={settings}
      lang={lang}
      mine={myUnit === s.section}
      onShowDiff={() => setDiffFor(s.section)}
    >
      {canDecide(s) && view.currentRound !== null && (
        <DecisionForm
          key={`${s.section}-${view.currentRound}`}
          filingId={filingId}
          section={s.section}
          round={view.currentRound}
          filingVersion={view.filingVersion}
          settings={settings}
          lang={lang}
          previous={s.current}
          onSaved={(v) => saved(v, 'rv.form.saved')}
          onStale={onStale}
        />
      )}
      {canChange(s) && view.currentRound !== null && (
        <ChangeDecision
          open={changing}
          onOpen={setChanging}
          form={
            <DecisionForm
              key={`${s.section}-${view.currentRound}-change-${s.current!.id}`}
              filingId={filingId}
              section={s.section}
              round={view.currentRound}
              filingVersion={view.filingVersion}
              settings={settings}
              lang={lang}
              previous={s.current}
              onSaved={(v) => saved(v, 'rv.form.saved')}
              onStale={onStale}
            />
          }
        />
      )}
    </SectionCard>
  );
  const deciding = sections.find(canDecide);

  return (
    <Stack gap="sm" data-testid="review-tab" data-state={view.state} data-version={view.filingVersion}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={4}>{t('rv.title')}</Title>
          <Badge variant="light" data-testid="review-state">
            {t(`state.${view.state}`)}
          </Badge>
          {view.currentRound !== null && <Badge variant="outline">{t('rv.roundN', { n: view.currentRound })}</Badge>}
          {loading && <Loader size="xs" />}
        </Group>
        {view.state === 'in_review' && (
          <Text size="sm" c="dimmed" data-testid="review-waiting">
            {waitingUnits.length > 0
              ? t('rv.waitingFor', { units: waitingUnits.map((u) => t(`unit.${u}`)).join(t('rv.listSep')) })
              : t('rv.allDecided')}
          </Text>
        )}
      </Group>
      {stale && (
        <Alert
          color="orange"
          title={t('rv.staleBanner.title')}
          data-testid="review-stale-banner"
          withCloseButton
          onClose={() => setStale(null)}
        >
          <Text size="sm">{stale}</Text>
          <Text size="sm">{t('rv.staleBanner.body')}</Text>
        </Alert>
      )}
      {error && <Alert color="red">{error.message}</Alert>}
      <RoundsSummary rounds={view.rounds} current={view.currentRound} />
      {(view.state === 'in_review' || view.state === 'supplement_requested') && (
        <ClockPanel
          view={view}
          canPause={isClerk && view.state === 'in_review'}
          onSaved={(v) => saved(v, 'rv.clock.saved')}
          onStale={onStale}
        />
      )}
      {view.state === 'supplement_requested' && view.supplementRequest && (
        <SupplementPanel
          view={view}
          settings={settings}
          lang={lang}
          canRecord={isClerk}
          onSaved={(v) => saved(v, 'rv.supplement.saved')}
          onStale={onStale}
        />
      )}
      {deciding && myUnit && (
        // The reviewer's workspace: their section's checklist and decision, and beside it what their unit covers.
        <Grid gap="sm" data-testid="review-workspace">
          <Grid.Col span={{ base: 12, md: 7 }}>{card(deciding)}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }} className="unit-desk-col">
            <UnitDesk filingId={filingId} unit={myUnit} settings={settings} lang={lang} />
          </Grid.Col>
        </Grid>
      )}
      {sections.filter((s) => s !== deciding).map(card)}
      {myUnit && !sections.some(canDecide) && view.state === 'in_review' && (
        <Text size="sm" c="dimmed" data-testid="review-nothing-to-do">
          {t('rv.nothingToDo')}
        </Text>
      )}
      <DiffModal filingId={filingId} section={diffFor} sectionName={diffFor ? name(diffFor) : ''} onClose={() => setDiffFor(null)} />
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" onClick={() => void reload()} data-testid="review-reload">
          {t('rv.reload')}
        </Button>
      </Group>
    </Stack>
  );
}
