import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { switchLang } from '../i18n';
import { setLanguage } from '../api/client';
import type { Lang } from '../../../shared/i18n';

/** Switchable at any time; the choice also travels with every request so errors come back in the same language. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const change = (v: string) => {
    switchLang(v as Lang);
    setLanguage(v as Lang);
  };
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={change}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label="Language / 语言"
      data-testid="lang-switch"
    />
  );
}
