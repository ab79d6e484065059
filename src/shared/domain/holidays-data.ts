/**
 * Official working-day calendar data for mainland China.
 *
 * Source for 2024–2026: the npm package `chinese-days` 1.5.7 (MIT, dist/years/*.json), checked by hand against the
 * State Council General Office notices 《国务院办公厅关于20XX年部分节假日安排的通知》 (published 2023-10-25,
 * 2024-11-12 and 2025-11-04). The package is not imported at run time: its date parsing depends on the local time
 * zone and it carries a lunar calendar we do not need; test/unit/domain-calendar.test.ts checks this table against it.
 *
 * Only the exceptions to "Monday–Friday work" are stored:
 *  - off:  weekdays that are days off (public holidays and the compensating days of 调休);
 *  - work: weekend days that are official make-up working days (调休上班).
 */
export interface YearTable {
  status: 'official' | 'provisional';
  off: readonly string[];
  work: readonly string[];
}

// prettier-ignore
export const HOLIDAY_TABLES: Readonly<Record<number, YearTable>> = {
  2024: {
    status: 'official',
    off: [
      '2024-01-01',
      '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16',
      '2024-04-04', '2024-04-05',
      '2024-05-01', '2024-05-02', '2024-05-03',
      '2024-06-10',
      '2024-09-16', '2024-09-17',
      '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07',
    ],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    status: 'official',
    off: [
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04',
      '2025-04-04',
      '2025-05-01', '2025-05-02', '2025-05-05',
      '2025-06-02',
      '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    status: 'official',
    off: [
      '2026-01-01', '2026-01-02',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23',
      '2026-04-06',
      '2026-05-01', '2026-05-04', '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07',
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  /**
   * PROVISIONAL. The 2027 notice was not available when this table was written (chinese-days 1.5.7 stops at 2026).
   * These are only the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision: 元旦 1, 春节 4 from 除夕,
   * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), with a statutory day that falls on a weekend given on the next free
   * weekday as the measures require. Lunar dates from chinese-days: 除夕 02-05, 端午 06-09, 中秋 09-15; 清明 04-05.
   * The real notice will move days and add make-up working weekends: replace this entry when it is published.
   */
  2027: {
    status: 'provisional',
    off: [
      '2027-01-01',
      '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-05',
      '2027-05-03', '2027-05-04',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01', '2027-10-04', '2027-10-05',
    ],
    work: [],
  },
};
