import { describe, expect, it } from 'vitest';
import { renderMinutes } from '../../src/main/pdf/notices';
import { extractText } from '../helpers/pdf-render';
import { sampleMinutes } from './pdf-fixtures';

/**
 * Issue 15 §5: a heading of the minutes never sits alone at a page foot. The first project's next steps grow a line at
 * a time, so that every heading of the projects after it lands at every height of a page once; on each page, what
 * follows each heading (the table's head, "无。" or the next steps) is on that page too.
 */
const squash = (s: string) => s.replace(/\s+/g, '');
const FOLLOWS: [string, RegExp][] = [
  ['（一）各单位审查意见', /^单位结论/],
  ['（二）审查条件', /^(序号条件|无。)/],
  ['（三）下一步工作', /^(由行政审批服务局|无。|本次会议)/],
];

describe('minutes: headings keep with their text', () => {
  it('no heading is the last thing on a page, wherever the page breaks', async () => {
    const f = sampleMinutes.filings[0]!;
    const orphans: string[] = [];
    let headings = 0;
    for (let lines = 0; lines < 22; lines++) {
      const first = { ...f, nextSteps: f.nextSteps + '园区管委会负责试运行期间的日常监管和应急联动工作。'.repeat(lines) };
      const d = { ...sampleMinutes, filings: [first, { ...f, filingNo: 'BH-2026-0043' }, { ...f, filingNo: 'BH-2026-0044' }] };
      const pages = (await extractText(await renderMinutes(d))).map(squash);
      pages.forEach((page, p) => {
        for (const [heading, follower] of FOLLOWS) {
          for (let at = page.indexOf(heading); at >= 0; at = page.indexOf(heading, at + 1)) {
            headings++;
            if (!follower.test(page.slice(at + heading.length)))
              orphans.push(`${lines} lines: ${heading} alone at the foot of page ${p + 1}`);
          }
        }
      });
    }
    expect(headings).toBeGreaterThanOrEqual(22 * 9);
    expect(orphans).toEqual([]);
  }, 120_000);
});
