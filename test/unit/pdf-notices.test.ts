import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayDate } from '../../src/main/pdf/format';
import { renderConditionalNotice, renderCorrectionNotice, renderMinutes, renderRefusalNotice } from '../../src/main/pdf/notices';
import { BLOCK } from '../../src/main/pdf/sheet';
import { extractText, inkBounds, renderPages } from '../helpers/pdf-render';
import { sampleConditional, sampleCorrection, sampleMinutes, sampleRefusal } from './pdf-fixtures';

const squash = (s: string) => s.replace(/\s+/g, '');

async function check(name: string, bytes: Uint8Array, mustContain: string[], footerLeft = `受理编号：${sampleConditional.filingNo}`) {
  const pages = await renderPages(bytes, 2);
  const out = join('artifacts', 'pdf');
  mkdirSync(out, { recursive: true });
  pages.forEach((p, i) => writeFileSync(join(out, `${name}-${i + 1}.png`), p.png));
  for (const page of pages) {
    const b = inkBounds(page)!;
    expect(b.left).toBeGreaterThanOrEqual(BLOCK.left - 1);
    expect(b.right).toBeLessThanOrEqual(BLOCK.right + 1);
    expect(b.bottom).toBeGreaterThanOrEqual(BLOCK.bottom - 1);
    expect(b.top).toBeLessThanOrEqual(BLOCK.top + 1);
  }
  // The footer is drawn last on each page; drop it so a paragraph running over a page break reads as one.
  const texts = (await extractText(bytes)).map(squash);
  const all = texts.map((t) => t.replace(/第\d+页共\d+页$/, '').replace(new RegExp(`${footerLeft}$`), '')).join('');
  for (const s of mustContain) expect(all, s).toContain(squash(s));
  return texts;
}

describe('notices', () => {
  it('容缺受理通知书: two copies, each with every missing item, its form and deadline, and the consequence', async () => {
    const d = sampleConditional;
    const texts = await check('conditional-notice', await renderConditionalNotice(d), [
      '容缺受理通知书',
      d.filingNo,
      d.applicantName,
      d.projectName,
      d.consequence,
      d.issuer,
      displayDate(d.issueDate),
      ...d.items.flatMap((i) => [i.name, i.form, displayDate(i.dueDate)]),
    ]);
    const all = texts.join('');
    expect(all.split('容缺受理通知书').length - 1).toBe(2);
    expect(all).toContain('第一联申请人留存');
    expect(all).toContain('第二联存档');
    // Each copy numbers its own pages.
    expect(texts[0]).toContain('第1页共');
    const second = texts.findIndex((t) => t.includes('第二联'));
    expect(texts[second]).toContain('第1页共');
  });

  it('补正材料一次性告知书 lists every point', async () => {
    const d = sampleCorrection;
    await check(
      'correction-notice',
      await renderCorrectionNotice(d),
      ['补正材料一次性告知书', d.applicantName, d.projectName, ...d.points, d.issuer],
      `受理编号：${d.filingNo}`,
    );
  });

  it('不予受理 / 不予通过 notices carry the reasons and the remedy', async () => {
    const d = sampleRefusal;
    const footer = `受理编号：${d.filingNo}`;
    await check('rejection-notice', await renderRefusalNotice(d), ['不予通过通知书', ...d.reasons, '行政复议', d.issuer], footer);
    await check('not-accepted-notice', await renderRefusalNotice({ ...d, kind: 'notAccepted' }), ['不予受理通知书', ...d.reasons], footer);
  });

  it('联合审查会议纪要 records attendance, every decision with who confirmed it, conditions and next steps', async () => {
    const d = sampleMinutes;
    const f = d.filings[0]!;
    await check(
      'minutes',
      await renderMinutes(d),
      [
        d.title,
        d.place,
        d.host,
        ...d.attendance.flatMap((a) => [a.unit, a.people]),
        f.projectName,
        f.filingNo,
        f.applicantName,
        ...f.decisions.flatMap((x) => [x.unit, x.decision, x.opinion, x.by]),
        ...f.conditions.flatMap((c) => [c.text, c.unit, displayDate(c.dueDate)]),
        '限制试运行',
        f.nextSteps,
        d.issuer,
      ],
      d.title,
    );
  });

  it('the signature never stands alone: the page with the seal also has body text', async () => {
    const long = { ...sampleCorrection, points: Array.from({ length: 9 }, (_, i) => `第${i + 1}项需要补正的内容说明。`) };
    for (let n = 5; n <= 12; n++) {
      const texts = (
        await extractText(await renderCorrectionNotice({ ...long, points: long.points.concat(Array(n).fill('补充说明。')) }))
      ).map(squash);
      const last = texts[texts.length - 1]!;
      expect(last).toContain(squash(sampleCorrection.issuer));
      expect(last).toContain('请你单位按照上述要求');
    }
  });
});
