import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { call, queries } from '../../api/client';

/**
 * The desk's settings. The query layer keeps them until a settings write (they change rarely, by an admin), so every
 * screen shares one answer; after `settings.update` its answer is seeded and every screen shows it.
 */
export function useSettings(): Settings | null {
  const [s, setS] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('settings.get', {}).then((r) => {
        if (live && r.ok) setS(r.value);
      });
    load();
    const off = queries.watch((channel) => channel === 'settings.get' && load());
    return () => {
      live = false;
      off();
    };
  }, []);
  return s;
}

/** Picks the Chinese or English name of a Settings entry by the current language. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (x: { nameZh: string; nameEn: string } | undefined, fallback = '') => (x ? (en ? x.nameEn : x.nameZh) : fallback);
}
