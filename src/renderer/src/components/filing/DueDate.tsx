import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarYearStatus, officialCalendar, toIsoDate, workingDaysBetween } from '../../../../shared/domain/calendar';

export type Urgency = 'none' | 'ok' | 'warn' | 'overdue';

/** Yellow at `warningDays` working days or fewer, red once overdue (domain §7). */
export function urgency(date: string | null, warningDays: number, today = toIsoDate(new Date())): Urgency {
  if (!date) return 'none';
  try {
    // The one clock's test (domain §7): overdue once a working day has passed since the due date.
    const left = workingDaysBetween(officialCalendar, today, date);
    return left < 0 ? 'overdue' : left <= warningDays ? 'warn' : 'ok';
  } catch {
    return 'ok';
  }
}

const COLOR: Record<Urgency, string | undefined> = { none: 'dimmed', ok: undefined, warn: 'yellow.8', overdue: 'red.7' };

export function DueDate({ date, warningDays, testId }: { date: string | null; warningDays: number; testId?: string }) {
  const { t } = useTranslation();
  const u = urgency(date, warningDays);
  // A deadline in a year whose official holiday notice is not out yet may move: say so beside it.
  const status = date ? calendarYearStatus(Number(date.slice(0, 4))) : 'official';
  const text = (
    <Text
      span
      size="sm"
      c={COLOR[u]}
      fw={u === 'overdue' || u === 'warn' ? 600 : undefined}
      className="tabular"
      data-urgency={u}
      data-testid={testId}
    >
      {date ?? '—'}
      {status !== 'official' && '*'}
    </Text>
  );
  return status === 'official' ? text : <Tooltip label={t(`calendar.${status}`, { year: date!.slice(0, 4) })}>{text}</Tooltip>;
}
