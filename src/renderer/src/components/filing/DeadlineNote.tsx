import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { officialCalendar } from '../../../../shared/domain/calendar';
import { settleDeadline } from '../../../../shared/domain/deadline';
import { ProvisionalMark } from './ProvisionalMark';

/**
 * What the desk will record for a typed deadline, by the same shared rule the server applies: moved off a holiday
 * (and saying so), refused beyond the maximum (showing it), and marked when its year is provisional.
 */
export function DeadlineNote({ typed, today, max, testId }: { typed: string; today: string; max: string; testId: string }) {
  const { t } = useTranslation();
  if (!typed) return null;
  const r = settleDeadline(officialCalendar, typed, today, max);
  if (!r.ok && r.problem === 'beyondMax')
    return (
      <Text size="xs" c="red" role="alert" data-testid={testId} data-problem="beyondMax">
        {t('date.beyondMax', { max: r.max })}
      </Text>
    );
  if (!r.ok) return null;
  return (
    <Text size="xs" c={r.movedFrom ? 'orange.9' : 'dimmed'} data-testid={testId} data-date={r.dueDate}>
      {r.movedFrom ? t('date.movedToWorkingDay', { from: r.movedFrom, to: r.dueDate }) : null}
      <ProvisionalMark date={r.dueDate} />
    </Text>
  );
}
