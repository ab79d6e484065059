import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayDate } from '../../src/main/pdf/format';
import {
  renderConditionalNotice,
  renderCorrectionNotice,
  renderMinutes,
  renderRefusalNotice,
  renderSupplementNotice,
  type SupplementNoticeData,
} from '../../src/main/pdf/notices';
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

  it('容缺受理通知书 marks a deadline in a year without the official holiday notice as provisional', async () => {
    const d = { ...sampleConditional, items: [{ ...sampleConditional.items[0]!, dueDate: '2027-01-15', provisional: true }] };
    const texts = await check('conditional-notice-provisional', await renderConditionalNotice(d), [`${displayDate('2027-01-15')}（暂定）`]);
    expect(texts.join('').split('（暂定）').length - 1).toBe(2);
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

  it("一次性补正告知书 lists every unit's request and every failed checklist item with the reviewer's note", async () => {
    const d: SupplementNoticeData = {
      filingNo: sampleCorrection.filingNo,
      applicantName: sampleCorrection.applicantName,
      projectName: sampleCorrection.projectName,
      round: 2,
      units: [
        {
          unit: '应急管理局',
          opinion: '请补充HAZOP分析报告中硝化工序的偏差分析及建议措施落实情况，并附专家签字页。',
          items: [
            { text: 'HAZOP分析闭环', note: '硝化釜温度偏高、搅拌失效两项偏差的建议措施未见落实记录。' },
            { text: '自动控制、SIS及联锁', note: '缺少SIL定级报告。' },
          ],
        },
        {
          unit: '生态环境分局',
          opinion: '补充环评批复文件。',
          items: [{ text: '环评类别及文件状态', note: '环评类别与“三废”清单不一致。' }],
        },
        { unit: '自然资源和规划分局', opinion: '', items: [{ text: '平面布置与防火间距', note: '' }] },
      ],
      issuer: sampleCorrection.issuer,
      issueDate: sampleCorrection.issueDate,
    };
    await check(
      'supplement-notice',
      await renderSupplementNotice(d),
      [
        '一次性补正告知书',
        '第二轮联合审查',
        d.applicantName,
        d.projectName,
        ...d.units.flatMap((u) => [u.unit, u.opinion, ...u.items.map((i) => (i.note ? `${i.text}：${i.note}` : i.text))]),
        d.issuer,
        displayDate(d.issueDate),
      ],
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
