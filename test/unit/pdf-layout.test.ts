import { describe, expect, it } from 'vitest';
import { breakLines, NO_LINE_END, NO_LINE_START, textWidth } from '../../src/main/pdf/layout';

// A stand-in measure: CJK and full-width 2 units, everything else 1.
const measure = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef\u{20000}-\u{2ffff}]/u.test(ch) ? 2 : 1);

describe('CJK line breaking', () => {
  it('fills lines with CJK characters and breaks between them', () => {
    expect(breakLines('一二三四五六七八九十', 8, measure)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation: the previous character comes along', () => {
    const lines = breakLines('一二三四，五六七八。九十', 8, measure);
    expect(lines).toEqual(['一二三', '四，五六', '七八。九', '十']);
    for (const line of lines.slice(1)) expect(NO_LINE_START.has([...line][0]!)).toBe(false);
  });

  it('never ends a line with opening punctuation: it goes with the next character', () => {
    const lines = breakLines('一二三（四五）六', 8, measure);
    expect(lines).toEqual(['一二三', '（四五）', '六']);
    for (const line of lines) expect(NO_LINE_END.has([...line].at(-1)!)).toBe(false);
  });

  it('keeps ASCII words and numbers whole and breaks at spaces', () => {
    const lines = breakLines('信用代码91350100M000100Y43，CAS 7664-39-3', 24, measure);
    expect(lines.join('')).toContain('91350100M000100Y43');
    expect(lines.some((l) => l.includes('7664-39-3'))).toBe(true);
    expect(lines.every((l) => textWidth(l, measure) <= 24)).toBe(true);
    expect(breakLines('alpha beta gamma', 11, measure)).toEqual(['alpha beta', 'gamma']);
  });

  it('splits an ASCII run only when it is wider than the whole line', () => {
    const lines = breakLines('x'.repeat(25), 10, measure);
    expect(lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('honours hard line breaks and keeps empty lines', () => {
    expect(breakLines('一\n\n二', 8, measure)).toEqual(['一', '', '二']);
  });

  it('keeps supplementary-plane characters whole (no split surrogates)', () => {
    const lines = breakLines('𠮷'.repeat(5), 4, measure);
    expect(lines).toEqual(['𠮷𠮷', '𠮷𠮷', '𠮷']);
  });

  it('a run of closing punctuation longer than a line is still kept inside the width', () => {
    const lines = breakLines(`一${'。'.repeat(9)}`, 8, measure);
    expect(lines.every((l) => textWidth(l, measure) <= 8)).toBe(true);
    expect(lines.join('')).toBe(`一${'。'.repeat(9)}`);
  });
});

describe('glued pairs', () => {
  it('a no-break space keeps "CAS" with its number and a value with its unit', () => {
    const lines = breakLines('氟化锂（CAS\u00a07789-24-4）最大量 0.5\u00a0t', 20, measure);
    expect(lines.some((l) => l.includes('CAS\u00a07789-24-4'))).toBe(true);
    expect(lines.some((l) => l.includes('0.5\u00a0t'))).toBe(true);
  });
});
