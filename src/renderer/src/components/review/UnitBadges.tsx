import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitCode } from '../../../../shared/domain/units';

/** Units as short badges; a stale one says it needs re-confirmation, not just a colour. */
export function UnitBadges({ units, stale = [], testId }: { units: readonly UnitCode[]; stale?: readonly UnitCode[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" data-testid={testId}>
      {units.map((u) => {
        const isStale = stale.includes(u);
        return (
          <Badge
            key={u}
            size="sm"
            variant={isStale ? 'filled' : 'light'}
            color={isStale ? 'orange' : 'desk'}
            data-unit={u}
            data-stale={isStale || undefined}
          >
            {t(`unit.${u}`)}
            {isStale ? ` · ${t('rv.inbox.stale')}` : ''}
          </Badge>
        );
      })}
    </Group>
  );
}

export function DaysLeft({ daysLeft, level }: { daysLeft: number | null; level: 'ok' | 'yellow' | 'red' }) {
  const { t } = useTranslation();
  if (daysLeft === null) return <>—</>;
  const text = daysLeft < 0 ? t('rv.daysOverdue', { n: -daysLeft }) : t('rv.daysLeft', { n: daysLeft });
  if (level === 'ok') return <span className="tabular">{text}</span>;
  return (
    <Badge color={level === 'red' ? 'red' : 'yellow'} variant={level === 'red' ? 'filled' : 'light'} data-level={level} className="tabular">
      {text}
    </Badge>
  );
}
