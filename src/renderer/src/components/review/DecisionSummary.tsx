import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProvisionalMark } from '../filing/ProvisionalMark';
import type { DecisionView } from '../../../../shared/contract/review';
import type { Settings } from '../../../../shared/schemas/settings';
import { DECISION_COLOR, formatStamp } from './labels';

/** One signed decision: what, by whom, when, how; then the reasons a reader needs. */
export function DecisionSummary({ decision: d, settings, lang }: { decision: DecisionView; settings: Settings | null; lang: string }) {
  const { t } = useTranslation();
  const items = settings?.checklists[d.section] ?? [];
  const itemText = (code: string) => {
    const item = items.find((i) => i.code === code);
    return item ? (lang === 'en' ? item.textEn : item.textZh) : code;
  };
  const notPassed = d.checklist.filter((c) => c.result === 'fail');
  return (
    <Stack gap={4} data-testid={`decision-${d.section}`} data-decision={d.decision} data-stale={d.stale || undefined}>
      <Group gap="xs">
        <Badge color={DECISION_COLOR[d.decision]} variant="filled">
          {t(`rv.decision.${d.decision}`)}
        </Badge>
        <Text size="sm">{t('rv.decidedBy', { name: d.decidedBy, at: formatStamp(d.decidedAt), via: t(`rv.via.${d.confirmedVia}`) })}</Text>
        <Text size="xs" c="dimmed">
          {t('rv.signedVersion', { v: d.filingVersion })}
        </Text>
      </Group>
      {d.opinion && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.opinion}
        </Text>
      )}
      {d.decision === 'notInvolved' && d.notInvolvedReason && (
        <Text size="sm">
          <b>
            {t('rv.form.notInvolvedReason')}
            {t('rv.colon')}
          </b>
          {d.notInvolvedReason}
        </Text>
      )}
      {notPassed.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('rv.failedItems')}
          </Text>
          <List size="sm">
            {notPassed.map((c) => (
              <List.Item key={c.code}>
                {itemText(c.code)}
                {c.note ? `${t('rv.colon')}${c.note}` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {d.checklist.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('rv.checklistCounts', {
            pass: d.checklist.filter((c) => c.result === 'pass').length,
            fail: notPassed.length,
            na: d.checklist.filter((c) => c.result === 'na').length,
          })}
        </Text>
      )}
      {d.conditions.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('rv.conditions')}
          </Text>
          <List size="sm" type="ordered">
            {d.conditions.map((c, i) => (
              <List.Item key={i}>
                {c.text}{' '}
                <Text span size="xs" c="dimmed">
                  {t('rv.conditionMeta', { unit: t(`unit.${c.verifyingUnit}`), due: c.dueDate, blocks: t(`rv.blocks.${c.blocks}`) })}
                </Text>
                <ProvisionalMark date={c.dueDate} />
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
