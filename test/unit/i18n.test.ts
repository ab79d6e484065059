import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues, pickLang, translate } from '../../src/shared/i18n';
import { messages } from '../../src/shared/i18n/messages';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('have both languages for every key, with no key defined twice', () => {
    const seen = new Map<string, number>();
    for (const area of messages) for (const key of Object.keys(area)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
    for (const [key, zh] of Object.entries(catalogues['zh-CN'])) {
      expect(zh.trim(), key).not.toBe('');
      expect(catalogues.en[key]?.trim(), key).toBeTruthy();
    }
  });

  it('use the same interpolation parameters in both languages', () => {
    // A parameter may come in a language's own form (nameZh / nameEn): compare without that suffix.
    const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!.replace(/(Zh|En)$/, '')).sort();
    for (const key of Object.keys(catalogues['zh-CN'])) expect(params(catalogues.en[key]!), key).toEqual(params(catalogues['zh-CN'][key]!));
  });

  it('contain every literal key the renderer and the main process ask for', () => {
    const missing: string[] = [];
    const files = [...sourceFiles('src/renderer/src'), ...sourceFiles('src/main'), ...sourceFiles('src/shared')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // t('key'), translate(lang, 'key'), new DeskError('CODE', 'key'), and message: 'v.key' in schemas.
      const patterns = [
        /\bt\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+)'/g,
        /\btranslate\(\s*\w+,\s*'([\w.-]+)'/g,
        /new DeskError\(\s*'[A-Z_]+',\s*'([\w.-]+)'/g,
        /message: '(v\.[\w.-]+)'/g,
        /error: '(v\.[\w.-]+)'/g,
      ];
      for (const re of patterns) for (const m of text.matchAll(re)) if (!(m[1]! in catalogues['zh-CN'])) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('follow the system language and fall back to Chinese', () => {
    expect(pickLang(['en-US', 'zh-CN'])).toBe('en');
    expect(pickLang('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLang(['fr-FR'])).toBe('zh-CN');
    expect(translate('en', 'v.text.tooLong', { max: 200 })).toBe('At most 200 characters');
  });
});
