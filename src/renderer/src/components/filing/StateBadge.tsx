import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilingState } from '../../../../shared/domain/states';

const COLORS: Record<FilingState, string> = {
  draft: 'gray',
  submitted: 'blue',
  correction_requested: 'orange',
  not_accepted: 'dark',
  in_review: 'indigo',
  supplement_requested: 'orange',
  rejected: 'red',
  approved: 'teal',
  registered: 'green',
  suspended: 'yellow',
  revoked: 'red',
  terminated: 'dark',
  closed: 'gray',
};

export function StateBadge({ state }: { state: FilingState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[state]}
      variant="light"
      size="sm"
      radius="sm"
      data-testid="state-badge"
      data-state={state}
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`state.${state}`)}
    </Badge>
  );
}

/** 容缺: accepted while eligible papers are still missing. */
export function ConditionalBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="grape"
      variant="outline"
      size="sm"
      radius="sm"
      data-testid="conditional-badge"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t('fl.conditional')}
    </Badge>
  );
}
