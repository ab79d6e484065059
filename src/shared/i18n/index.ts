import { messages } from './messages';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Catalogue = Record<string, string>;

/** Each area's messages live in one file with both languages side by side (./messages/*.ts). */
export const catalogues: Record<Lang, Catalogue> = { 'zh-CN': {}, en: {} };
for (const area of messages) {
  for (const [key, [zh, en]] of Object.entries(area)) {
    catalogues['zh-CN'][key] = zh;
    catalogues.en[key] = en;
  }
}

/** Picks zh-CN or en from a BCP-47 list such as navigator.languages or Accept-Language. */
export function pickLang(preferences: readonly string[] | string | undefined | null): Lang {
  const list = typeof preferences === 'string' ? preferences.split(',').map((s) => s.split(';')[0]!.trim()) : (preferences ?? []);
  for (const p of list) {
    const l = p.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** i18next-compatible interpolation ({{name}}) so the same catalogue serves main and renderer. */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogues[lang][key] ?? catalogues['zh-CN'][key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
}
