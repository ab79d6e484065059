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

// Named colours resolve to the theme's readable text shades (4.5:1); the icon says the same without colour.
const COLOR: Record<Urgency, string | undefined> = { none: 'dimmed', ok: undefined, warn: 'orange', overdue: 'red' };

/** Overdue: a triangle with "!"; due soon: a clock. Named, so the mark is not colour alone. */
function UrgencyMark({ u }: { u: Urgency }) {
  const { t } = useTranslation();
  if (u !== 'overdue' && u !== 'warn') return null;
  const c = u === 'overdue' ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-orange-text)';
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 24 24"
      fill="none"
      stroke={c}
      strokeWidth="2.5"
      role="img"
      aria-label={t(`due.${u}`)}
      style={{ marginRight: 2, verticalAlign: '-1px' }}
    >
      {u === 'overdue' ? <path d="M12 3 2 21h20L12 3zM12 10v5M12 18v.5" /> : <path d="M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z" />}
    </svg>
  );
}

export function DueDate({ date, warningDays, testId }: { date: string | null; warningDays: number; testId?: string }) {
  const { t } = useTranslation();
  const u = urgency(date, warningDays);
  // A deadline in a year whose official holiday notice is not out yet may move: say so beside it.
  const status = date ? calendarYearStatus(Number(date.slice(0, 4))) : 'official';
  const text = (
    <span style={{ whiteSpace: 'nowrap' }}>
      <UrgencyMark u={u} />
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
    </span>
  );
  return status === 'official' ? text : <Tooltip label={t(`calendar.${status}`, { year: date!.slice(0, 4) })}>{text}</Tooltip>;
}
