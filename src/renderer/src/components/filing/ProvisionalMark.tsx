import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProvisionalDate } from '../../../../shared/domain/deadline';

/**
 * Beside any computed date: "provisional" when its year's official holiday notice is not published yet (domain §7),
 * with the reason on hover. Renders nothing for a date on the official calendar.
 */
export function ProvisionalMark({ date }: { date: string | null | undefined }) {
  const { t } = useTranslation();
  if (!isProvisionalDate(date)) return null;
  return (
    <Tooltip label={t('calendar.provisional', { year: date!.slice(0, 4) })} multiline w={320}>
      <Badge size="xs" variant="outline" color="orange" ml={4} data-testid="provisional-mark" style={{ verticalAlign: 'middle' }}>
        {t('date.provisional')}
      </Badge>
    </Tooltip>
  );
}

/** A computed date followed by its provisional mark, for text flows. */
export function MarkedDate({ date }: { date: string | null | undefined }) {
  return (
    <>
      {date ?? '—'}
      <ProvisionalMark date={date} />
    </>
  );
}
