import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, pickLang, type Lang } from '../../../shared/i18n';
import { setLanguage } from '../api/client';

const STORAGE_KEY = 'desk.lang';

/** The user's explicit choice wins; otherwise the system language (zh* → 简体中文, en* → English). */
export function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh-CN' || stored === 'en') return stored;
  return pickLang(navigator.languages);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: catalogues['zh-CN'] }, en: { translation: catalogues.en } },
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
// The desk answers in the screen's language from the first call, also after a reload with a stored choice.
setLanguage(i18n.language as Lang);

export function switchLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  setLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
