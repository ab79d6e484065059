import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, NO_LINE_END, NO_LINE_START, textWidth } from '../../src/main/pdf/layout';
import { renderCertificate } from '../../src/main/pdf/certificate';
import type { DrawnLine } from '../../src/main/pdf/sheet';
import { sampleCertificate } from './pdf-fixtures';

/**
 * Issue 15 §6 (GB/T 15834 line-breaking rules): no line starts with closing punctuation, a pause mark or a dash
 * fragment, and none ends with an opening bracket — for any text and any width, in certificate rows and table
 * cells alike (both are broken by breakLines), including over-long groups that must be split by force.
 */
const measure = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1);
const first = (s: string) => [...s][0] ?? '';
const last = (s: string) => [...s].at(-1) ?? '';

const closing = fc.constantFrom(...'，。、；：？！）」』》〕】—…');
const opening = fc.constantFrom(...'（「『《〔【“');
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'滨海化工中试项目登记备案证明应急管理局楼栋区位续') },
  { weight: 2, arbitrary: fc.constantFrom('1', '12', 'CAS 7664-39-3', '0.8\u00a0m³', ' ', '—') },
  { weight: 2, arbitrary: fc.tuple(closing, fc.option(closing, { nil: '' })).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.tuple(opening, fc.option(opening, { nil: '' })).map(([a, b]) => a + b) },
);
// Punctuation runs are at most two long: a line of six CJK characters or more can then always obey the rules. A space
// inside a run does not end it (a space at a break is dropped, so "，， ，，" is a run of four): "（（，， ，，滨" at
// six characters has no layout that obeys them, which is no fault of the breaker.
const text = fc
  .array(word, { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''))
  .filter((t) => !/[（「『《〔【“]{3,}|[，。、；：？！）」』》〕】—…]{3,}/u.test(t.replace(/ /g, '')));

function expectRules(lines: string[], where: string) {
  lines.forEach((line, i) => {
    if (line === '') return;
    if (i > 0)
      expect(NO_LINE_START.has(first(line)), `${where}: line ${i} starts with ${first(line)}: ${JSON.stringify(lines)}`).toBe(false);
    if (i < lines.length - 1)
      expect(NO_LINE_END.has(last(line)), `${where}: line ${i} ends with ${last(line)}: ${JSON.stringify(lines)}`).toBe(false);
  });
}

describe('line breaking obeys the punctuation rules (property)', () => {
  it('for any text and any width of at least six CJK characters', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 12, max: 40 }), (t, width) => {
        const lines = breakLines(t, width, measure);
        expectRules(lines, 'text');
        for (const line of lines) expect(textWidth(line, measure)).toBeLessThanOrEqual(width);
      }),
      // Found by this property: two spaces between a number and a closing mark once left the mark alone on a line.
      { numRuns: 2000, examples: [['CAS 7664-39-3  ，', 12]] },
    );
  });

  it('the cases the tester found: a wrapped （续）, a minutes cell 1（续）, a blank quantity', () => {
    expect(breakLines('1（续）', 6, measure)).toEqual(['1', '（续）']);
    const blank = breakLines('五氯化磷（CAS\u00a010026-13-8）：在线最大量 —，最大储存量 —', 40, measure);
    expectRules(blank, 'blank quantity');
    expect(blank.some((l) => l.startsWith('—'))).toBe(false);
  });

  it('in the rendered certificate: every drawn line of every row and cell', async () => {
    const trace: DrawnLine[] = [];
    await renderCertificate(
      sampleCertificate({
        chemicals: [
          { name: '五氯化磷', cas: '10026-13-8', maxInProcessT: null, maxStoredT: null },
          { name: '无水氟化氢（无水）', cas: '', maxInProcessT: 0.8, maxStoredT: null },
        ],
        conclusions: Array.from({ length: 5 }, (_, i) => ({
          unitName: `单位${i}`,
          decision: '有条件通过',
          opinion: '须在试生产前完成HAZOP分析闭环，“整改”后报核查单位——逐项销号。'.repeat(6),
        })),
      }),
      { trace },
    );
    const pages = new Set(trace.map((l) => l.page));
    expect(pages.size).toBeGreaterThan(1);
    for (const l of trace) {
      if (l.text.length > 1) expect(NO_LINE_START.has(first(l.text)), l.text).toBe(false);
      expect(NO_LINE_END.has(last(l.text)), l.text).toBe(false);
    }
    // The continued row repeats its label with （续） in full, however the label wraps.
    const labels = trace.filter((l) => l.x < 140 && l.page > 0).map((l) => l.text);
    expect(labels.join('')).toContain('联合审查结论（续）');
  });
});
