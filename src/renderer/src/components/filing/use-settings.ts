import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { call } from '../../api/client';

// Settings change rarely (admin only); one fetch per page load is shared by every screen that needs names.
let cached: Promise<Settings | null> | null = null;

export function useSettings(): Settings | null {
  const [s, setS] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= call('settings.get', {}).then((r) => (r.ok ? r.value : null));
    void cached.then((v) => {
      if (!v) cached = null;
      if (live) setS(v);
    });
    return () => {
      live = false;
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
