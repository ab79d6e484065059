import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIMITS, normalizeText, textLength, textProblem } from '../../src/shared/domain/text';
import { freeText, nameText, opinionText, optionalName } from '../../src/shared/schemas/common';

const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => String.fromCodePoint(c));
const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i));

/** The catalogue key of the first issue, or null when the value is accepted. */
function issue(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) {
  const r = schema.safeParse(v);
  return r.success ? null : r.error!.issues[0]!.message;
}

describe('NFC normalisation', () => {
  it('composes decomposed characters before storing', () => {
    expect(nameText().parse('Cafe\u0301 化工')).toBe('Caf\u00e9 化工');
    expect(normalizeText('\u0041\u030a')).toBe('\u00c5');
    // A CJK compatibility ideograph folds to its unified form, so one name has one spelling on every certificate.
    expect(nameText().parse('\uf900')).toBe('\u8c48');
  });
  it('trims surrounding white space', () => {
    expect(nameText().parse('  滨海化工 \u3000')).toBe('滨海化工');
  });
  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });
});

describe('bidirectional controls', () => {
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('%s is refused everywhere', (_name, c) => {
    const value = `滨海${c}化工`;
    expect(textProblem(value, false)).toBe('bidi');
    expect(textProblem(value, true)).toBe('bidi');
    for (const schema of [nameText(), optionalName(), opinionText(), freeText()]) expect(issue(schema, value)).toBe('v.text.bidi');
  });
  it('the marks LRM, RLM and ALM are refused too', () => {
    for (const c of ['\u200e', '\u200f', '\u061c']) expect(textProblem(`a${c}b`, false)).toBe('bidi');
  });
});

describe('control characters', () => {
  it('are refused in single-line text, all of C0 and C1', () => {
    for (const c of [...C0, ...C1]) {
      expect(textProblem(`a${c}b`, false), c.charCodeAt(0).toString(16)).toBe('control');
      expect(issue(nameText(), `a${c}b`), c.charCodeAt(0).toString(16)).toBe('v.text.control');
    }
  });
  it('multi-line text allows tab, line feed and carriage return only', () => {
    for (const c of [...C0, ...C1]) {
      const expected = c === '\t' || c === '\n' || c === '\r' ? null : 'control';
      expect(textProblem(`a${c}b`, true), c.charCodeAt(0).toString(16)).toBe(expected);
    }
    expect(opinionText().parse('第一条\n第二条\r\n\t第三条')).toBe('第一条\n第二条\r\n\t第三条');
  });
  it('lone surrogates are refused', () => {
    expect(textProblem('a\ud800b', false)).toBe('surrogate');
    expect(textProblem('a\udc00', true)).toBe('surrogate');
    expect(textProblem('\ud840\udc00', false)).toBeNull(); // 𠀀, a real pair
  });
});

describe('length caps', () => {
  const cases = [
    ['names', nameText, LIMITS.name],
    ['optional names', optionalName, LIMITS.name],
    ['opinions', opinionText, LIMITS.opinion],
    ['free text', freeText, LIMITS.freeText],
  ] as const;
  it.each(cases)('%s: %s characters pass, one more is refused', (_n, schema, max) => {
    expect(max).toBeGreaterThan(0);
    expect(issue(schema(), '中'.repeat(max))).toBeNull();
    const r = schema().safeParse('中'.repeat(max + 1));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ message: 'v.text.tooLong', params: { max } });
  });
  it('caps are 200 / 2,000 / 20,000 as the domain says', () => {
    expect(LIMITS).toEqual({ name: 200, opinion: 2000, freeText: 20000 });
  });
  it('counts characters outside the BMP once', () => {
    expect(textLength('𠀀'.repeat(200))).toBe(200);
    expect(issue(nameText(), '𠀀'.repeat(200))).toBeNull();
    expect(issue(nameText(), '𠀀'.repeat(201))).toBe('v.text.tooLong');
  });
  it('counts after normalising (a decomposed é is one character)', () => {
    expect(issue(nameText(), 'e\u0301'.repeat(200))).toBeNull();
  });
  it('an empty required name is "required"; an optional one may be empty', () => {
    expect(issue(nameText(), '   ')).toBe('v.required');
    expect(issue(optionalName(), '')).toBeNull();
    expect(issue(nameText(), 42)).toBe('v.text');
  });
});
