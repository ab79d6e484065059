import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues, LANGUAGES, translate } from '../../src/shared/i18n';
import { issueFields, type IssueLike } from '../../src/shared/schemas/issues';

/**
 * No message reaches a reader with a raw `{{placeholder}}` in it (issue 14 point 12): every place that names a catalogue
 * key — a schema's own validation key, a DeskError, a field error — is read from the sources and rendered the way the
 * desk renders it, in both languages.
 */
const root = join(__dirname, '..', '..', 'src');
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [{ file: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }] : [];
  });
}
const all = sources(root);
const placeholders = (template: string) => [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
const raw = /\{\{\s*\w+\s*\}\}/;

describe('validation messages are interpolated', () => {
  // `.min(1, { error: 'v.tooSmall' })`, `z.string({ error: 'v.text' })`, `.regex(re, { error: 'v.code' })`…
  const uses = all.flatMap(({ file, text }) =>
    [...text.matchAll(/\.?(\w+)\(([^(){}]*?),?\s*\{\s*error:\s*'(v\.[\w.]+)'/g)].map((m) => ({ file, method: m[1]!, key: m[3]! })),
  );

  it('finds the schemas’ own keys in the sources', () => {
    expect(uses.length).toBeGreaterThan(50);
    expect(uses.some((u) => u.key === 'v.tooBig' && u.method === 'max')).toBe(true);
  });

  it.each(LANGUAGES)('every schema key renders without a raw placeholder (%s)', (lang) => {
    for (const u of uses) {
      const issue: IssueLike = /^(min|gte|positive|nonempty)$/.test(u.method)
        ? { code: 'too_small', origin: 'number', minimum: 1, path: ['x'], message: u.key }
        : /^(max|lte|length)$/.test(u.method)
          ? { code: 'too_big', origin: 'number', maximum: 250, path: ['x'], message: u.key }
          : { code: 'custom', path: ['x'], message: u.key };
      const message = issueFields([issue], (key, params) => translate(lang, key, params)).x!;
      expect(message, `${u.file}: ${u.method}(…, '${u.key}')`).not.toMatch(raw);
      expect(message, `${u.file}: '${u.key}' is in the catalogue`).not.toBe(u.key);
    }
  });

  it('a custom key on a size check shows the limit zod reports', () => {
    const render = (issue: IssueLike) => issueFields([issue], (k, p) => translate('en', k, p)).x;
    expect(render({ code: 'too_small', origin: 'number', minimum: 1, path: ['x'], message: 'v.tooSmall' })).toBe('Must be at least 1');
    expect(render({ code: 'too_big', origin: 'number', maximum: 250, path: ['x'], message: 'v.tooBig' })).toMatch(/250/);
  });
});

describe('messages the desk composes are interpolated', () => {
  /**
   * `new DeskError('CODE', 'key', { a, b: … })`, field errors `{ key: 'k', params: { … } }` and texts stored as messages
   * (`storedMessage('key', { … })`), with their parameter names.
   */
  const calls = all.flatMap(({ file, text }) => [
    ...[...text.matchAll(/DeskError\(\s*'\w+',\s*'([\w.]+)'(?:,\s*\{([^}]*)\})?/g)].map((m) => ({ file, key: m[1]!, params: m[2] ?? '' })),
    ...[...text.matchAll(/\{\s*key:\s*'([\w.]+)'(?:,\s*params:\s*\{([^}]*)\})?\s*\}/g)].map((m) => ({
      file,
      key: m[1]!,
      params: m[2] ?? '',
    })),
    ...[...text.matchAll(/storedMessage\(\s*'([\w.]+)'(?:,\s*\{([^}]*)\})?/g)].map((m) => ({ file, key: m[1]!, params: m[2] ?? '' })),
  ]);

  it('finds the desk’s own errors in the sources', () => expect(calls.length).toBeGreaterThan(60));

  it.each(LANGUAGES)('each one supplies every placeholder of its message (%s)', (lang) => {
    for (const c of calls) {
      const template = catalogues[lang][c.key];
      expect(template, `${c.file}: '${c.key}' is in the catalogue`).toBeDefined();
      const given = new Set([...c.params.matchAll(/(\w+)\s*(?=:|,|$)/g)].map((m) => m[1]!));
      for (const p of placeholders(template!)) expect(given.has(p), `${c.file}: '${c.key}' needs {{${p}}}`).toBe(true);
    }
  });

  it('both languages of a message take the same parameters (a name may come in its own language: nameZh / nameEn)', () => {
    const same = (t: string) =>
      placeholders(t)
        .map((p) => p.replace(/(Zh|En)$/, ''))
        .sort();
    for (const [key, zh] of Object.entries(catalogues['zh-CN'])) expect(same(catalogues.en[key] ?? ''), key).toEqual(same(zh));
  });
});
