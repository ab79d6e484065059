import { Alert, Badge, Button, Card, Collapse, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ReviewView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import { DecisionSummary } from './DecisionSummary';
import { formatStamp } from './labels';

type Section = ReviewView['sections'][number];
/** The code the server gives the earlier round's open comment among the carried-over checklist items. */
const OPEN_COMMENT = 'opinion';

export function SectionCard(props: {
  section: Section;
  name: string;
  settings: Settings | null;
  lang: string;
  mine: boolean;
  onShowDiff(): void;
  children?: ReactNode;
}) {
  const { section: s, name, settings, lang, mine, onShowDiff, children } = props;
  const { t } = useTranslation();
  const [historyOpen, history] = useDisclosure(false);
  const earlier = s.history.filter((h) => h.id !== s.current?.id);
  const items = settings?.checklists[s.section] ?? [];
  const itemText = (code: string) => {
    const item = items.find((i) => i.code === code);
    return item ? (lang === 'en' ? item.textEn : item.textZh) : code;
  };
  const waiting = s.inRound && (!s.current || s.current.stale);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid={`section-${s.section}`}
      data-in-round={s.inRound}
      data-waiting={waiting || undefined}
      tabIndex={mine ? -1 : undefined}
      // Not clipped (Mantine's Card hides overflow), so the decision bar inside can stick to the window's bottom.
      style={mine ? { borderColor: 'var(--mantine-color-desk-5)', borderWidth: 2, overflow: 'visible' } : undefined}
    >
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <Title order={5}>{name}</Title>
          {s.inRound ? (
            <Badge variant="light">{t('rv.inRound')}</Badge>
          ) : (
            <Badge variant="outline" color="gray">
              {t('rv.notInRound')}
            </Badge>
          )}
          {waiting && (
            <Badge color="blue" variant="dot">
              {t('rv.waiting')}
            </Badge>
          )}
          {mine && (
            <Badge color="desk" variant="filled">
              {t('rv.myUnit')}
            </Badge>
          )}
        </Group>
        {earlier.length > 0 && (
          <Button variant="subtle" size="compact-xs" onClick={history.toggle}>
            {t(historyOpen ? 'rv.history.hide' : 'rv.history.show', { n: earlier.length })}
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {s.current ? (
          <DecisionSummary decision={s.current} settings={settings} lang={lang} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('rv.noDecision')}
          </Text>
        )}
        {s.current?.stale && (
          <Alert color="orange" variant="light" p="xs" data-testid={`stale-${s.section}`}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('rv.staleWarning')}</Text>
              <Button size="compact-sm" color="orange" variant="outline" onClick={onShowDiff} data-testid={`show-diff-${s.section}`}>
                {t('rv.showDiff')}
              </Button>
            </Group>
          </Alert>
        )}
        {s.carriedOver.length > 0 && (
          <Alert color="gray" variant="light" p="xs" title={t('rv.carriedOver')} data-testid={`carried-${s.section}`}>
            <List size="sm">
              {s.carriedOver.map((c, i) => (
                <List.Item key={`${c.round}-${c.code}-${i}`}>
                  <Text span size="xs" c="dimmed">
                    {t('rv.roundN', { n: c.round })} ·{' '}
                  </Text>
                  {c.code && c.code !== OPEN_COMMENT ? itemText(c.code) : t('rv.openComment')}
                  {c.note ? `${t('rv.colon')}${c.note}` : ''}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Collapse expanded={historyOpen}>
          <Stack gap="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            {earlier.map((h) => (
              <div key={h.id}>
                <Text size="xs" c="dimmed" data-testid={`history-${h.id}`}>
                  {t('rv.roundN', { n: h.round })} · {formatStamp(h.decidedAt)}
                  {s.history.some((x) => x.round === h.round && x.id > h.id) && ` · ${t('rv.history.replaced')}`}
                </Text>
                <DecisionSummary decision={h} settings={settings} lang={lang} />
              </div>
            ))}
          </Stack>
        </Collapse>
        {children}
      </Stack>
    </Card>
  );
}
