import type { Settings } from '../../../../shared/schemas/settings';
import type { UnitCode, Party } from '../../../../shared/domain/units';

/** Settings hold each unit's official name per language; the short catalogue name is the fallback. */
export function unitName(settings: Settings | null, unit: UnitCode, lang: string, short: string): string {
  const u = settings?.units[unit];
  if (!u) return short;
  return lang === 'en' ? u.nameEn : u.nameZh;
}

export function partyKey(party: Party): string {
  return party === 'applicant' || party === 'desk' ? `rv.party.${party}` : `unit.${party}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, minutes precision: what a desk officer reads on a wall clock. */
export function formatStamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDay(iso: string | null | undefined): string {
  return formatStamp(iso).slice(0, 10);
}

export const LEVEL_COLOR = { ok: 'gray', yellow: 'yellow', red: 'red' } as const;

export const DECISION_COLOR = {
  reject: 'red',
  revise: 'orange',
  approveWithConditions: 'teal',
  approve: 'green',
  notInvolved: 'gray',
} as const;
