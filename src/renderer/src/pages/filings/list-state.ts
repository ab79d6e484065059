import type { FilingListInput } from '../../../../shared/contract/filings';
import type { FilingState } from '../../../../shared/domain/states';
import type { UnitCode } from '../../../../shared/domain/units';

export const PAGE_SIZE = 50;

export interface ListState {
  query: string;
  states: FilingState[];
  parkId: string | null;
  unit: UnitCode | null;
  overdueOnly: boolean;
  sort: FilingListInput['sort'];
  dir: 'asc' | 'desc';
  page: number;
}

// Kept for the session so coming back from a filing finds the list as it was left.
let remembered: ListState = {
  query: '',
  states: [],
  parkId: null,
  unit: null,
  overdueOnly: false,
  sort: 'updatedAt',
  dir: 'desc',
  page: 1,
};
export const rememberedList = () => remembered;
export const rememberList = (s: ListState) => {
  remembered = s;
};

export function listInput(s: ListState, query: string): FilingListInput {
  return {
    query,
    states: s.states,
    parkId: s.parkId,
    unit: s.unit,
    overdueOnly: s.overdueOnly,
    sort: s.sort,
    dir: s.dir,
    offset: (s.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** The list's total is exact on both stores, however many filings match. */
export function totalText(total: number, locale: string): string {
  return total.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
}
