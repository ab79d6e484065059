import { ActionIcon, Badge, Box, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import type { Notifications } from '../../../shared/contract/followup';
import { call } from '../api/client';
import { navigate } from '../router';
import { useActor } from '../session';
import { useLiveReload } from './review/use-live';
import { ALERT_COLOR } from './followup/file';
import { LoadError } from './LoadError';

const KIND_COLOR = { ...ALERT_COLOR, runPeriodEnding: 'cyan', awaitingVerification: 'grape' } as const;

/** What needs attention now, for the signed-in person: counted on the badge, listed in the popover. */
function badgeCount(n: Notifications, reviewer: boolean): number {
  const c = n.counts;
  // Papers waiting for a unit's check are that unit's task; for everyone else they are information, not an alarm.
  return c.overdue + c.dueSoon + c.reminder + c.runPeriodEnding + (reviewer ? c.awaitingVerification : 0);
}

/** A message translated as it renders, not when the toast was shown: a language switch while it shows reaches it. */
function Translated({ k, values }: { k: string; values?: Record<string, number> }) {
  const { t } = useTranslation();
  return <>{t(k, values)}</>;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const actor = useActor();
  const [opened, setOpened] = useState(false);
  // Kept with the account it was loaded for: after a switch of user the previous person's list never shows.
  const [loaded, setLoaded] = useState<{ actorId: number; data: Notifications } | null>(null);
  const actorId = actor?.id ?? null;
  // A failed load says so in the panel with a retry, instead of reading as "nothing due".
  const [failed, setFailed] = useState<{ actorId: number; message: string } | null>(null);
  const reload = useCallback(async () => {
    if (actorId === null) return;
    const r = await call('followup.notifications', {});
    if (r.ok) {
      setLoaded({ actorId, data: r.value });
      setFailed(null);
    } else setFailed({ actorId, message: r.error.message });
  }, [actorId]);
  useEffect(() => {
    // Loading when the signed-in account changes is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  useLiveReload(['notifications.changed', 'filing.changed'], reload);
  // The panel never stays open over another screen.
  useEffect(() => {
    const close = () => setOpened(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);
  const data = loaded && loaded.actorId === actorId ? loaded.data : null;
  const loadError = failed && failed.actorId === actorId ? failed.message : null;

  // On desk start (once per signed-in session): a summary of what is due.
  useEffect(() => {
    if (!data || !actor) return;
    const key = `desk.dueSummary.${actor.id}`;
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    const c = data.counts;
    if (c.overdue + c.dueSoon + c.reminder + c.runPeriodEnding === 0) return;
    toast.show({
      id: 'due-summary',
      title: <Translated k="fu.bell.summaryTitle" />,
      message: <Translated k="fu.bell.summary" values={c} />,
      color: c.overdue ? 'red' : 'yellow',
      autoClose: 8000,
    });
  }, [data, actor]);

  if (!actor) return null;
  const count = data ? badgeCount(data, actor.role === 'reviewer') : 0;
  const open = (filingId: number) => {
    setOpened(false);
    navigate(`/filings/${filingId}`);
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={420}
      position="bottom-end"
      shadow="md"
      withinPortal
      transitionProps={{ duration: 0 }}
      trapFocus
      returnFocus
      closeOnEscape
    >
      <Indicator
        label={count}
        size={16}
        disabled={count === 0}
        color={data?.counts.overdue ? 'red' : 'orange'}
        offset={4}
        data-testid="notification-count"
        data-count={count}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={count ? `${t('fu.bell.title')} (${count})` : t('fu.bell.title')}
            data-testid="notification-bell"
          >
            <svg
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden
            >
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} data-testid="notification-panel">
        <Group justify="space-between" px="sm" py={8}>
          <Text fw={600}>{t('fu.bell.title')}</Text>
          <Text size="xs" c="dimmed">
            {data?.today}
          </Text>
        </Group>
        {data && (
          <Group gap={6} px="sm" pb={8}>
            {(['overdue', 'dueSoon', 'reminder', 'runPeriodEnding', 'awaitingVerification'] as const).map((k) => (
              <Badge
                key={k}
                size="sm"
                variant={data.counts[k] ? 'filled' : 'light'}
                color={data.counts[k] ? KIND_COLOR[k] : 'gray'}
                data-testid={`bell-count-${k}`}
              >
                {t(`fu.bell.kind.${k}`)} {data.counts[k]}
              </Badge>
            ))}
          </Group>
        )}
        <Divider />
        {loadError && (
          <Box p="xs">
            <LoadError message={loadError} onRetry={() => void reload()} />
          </Box>
        )}
        <ScrollArea.Autosize mah={420}>
          {!loadError && !data?.items.length && (
            <Text size="sm" c="dimmed" p="sm">
              {t('fu.bell.nothing')}
            </Text>
          )}
          <Stack gap={0}>
            {data?.items.map((n, i) => (
              <UnstyledButton
                key={`${n.kind}-${n.itemId ?? n.filingId}-${i}`}
                onClick={() => open(n.filingId)}
                px="sm"
                py={6}
                className="bell-item"
                data-testid="notification-item"
                data-kind={n.kind}
                data-filing-id={n.filingId}
              >
                <Group gap={8} wrap="nowrap" align="flex-start">
                  <Box
                    w={6}
                    h={34}
                    style={{ borderRadius: 3, flexShrink: 0, background: `var(--mantine-color-${KIND_COLOR[n.kind]}-6)` }}
                  />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" lineClamp={1}>
                      {n.kind === 'runPeriodEnding' ? t('fu.bell.runPeriod', { date: n.dueDate }) : n.text}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {n.filingNo} · {n.projectName}
                    </Text>
                  </Stack>
                  <Text size="xs" c={KIND_COLOR[n.kind]} ml="auto" style={{ whiteSpace: 'nowrap' }}>
                    {n.kind === 'overdue'
                      ? t('fu.overdueBy', { n: -n.daysLeft })
                      : n.kind === 'runPeriodEnding'
                        ? n.daysLeft >= 0
                          ? t('fu.run.daysLeft', { n: n.daysLeft })
                          : t('fu.run.ended', { n: -n.daysLeft })
                        : n.kind === 'awaitingVerification'
                          ? t(`unit.${n.unit}`)
                          : t('fu.daysLeft', { n: n.daysLeft })}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
