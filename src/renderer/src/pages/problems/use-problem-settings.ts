import { useTranslation } from 'react-i18next';
import { useQuery } from '../../hooks/use-call';

/** Departments, categories and the policy from Settings, with names in the language on screen. */
export function useProblemSettings() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery('problem.settings', {});
  const en = i18n.language === 'en';
  const dept = (code: string | null) => {
    if (!code) return '—';
    if (code === 'firm') return t('pr.map.firm');
    const d = data?.departments.find((x) => x.code === code);
    return d ? (en ? d.nameEn : d.nameZh) : code;
  };
  const category = (code: string) => {
    const c = data?.categories.find((x) => x.code === code);
    return c ? (en ? c.nameEn : c.nameZh) : code;
  };
  return { settings: data, dept, category };
}

export const LEVEL_COLOR = { ok: 'teal', yellow: 'yellow', red: 'red' } as const;
export const STATE_COLOR = { new: 'gray', dispatched: 'blue', solved: 'violet', closed: 'green' } as const;
