import fc from 'fast-check';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificateRows, renderCertificate, type CertificateDoc, type RenderOptions } from '../../src/main/pdf/certificate';
import { advanceOf } from '../../src/main/pdf/fonts';
import { BLOCK, SIZE, type DrawnLine } from '../../src/main/pdf/sheet';
import { extractText, inkBounds, inkInBox, renderPages, type RenderedPage } from '../helpers/pdf-render';
import { typicalMaximum } from './pdf-fixtures';

/**
 * Issue 15 §5, domain §8 "One page": a typical certificate (≤ 3 chemicals, ≤ 2 conditions, up to 3 open items)
 * fits one A4 page with its 2-D code and a blank room for a 42 mm seal, inside the GB/T 9704 text block, nothing
 * left out or cut, every label on one line, facts at 12 pt and labels at 10.5 pt (五号).
 */

type Seal = NonNullable<RenderOptions['seal']>;

async function render(doc: CertificateDoc, preview = false) {
  const options: RenderOptions = {
    trace: [],
    qrBox: { page: -1, x: 0, y: 0, size: 0 },
    seal: { page: -1, x: 0, y: 0, radius: 0 },
    preview,
  };
  const bytes = await renderCertificate(doc, options);
  const pageCount = (await PDFDocument.load(bytes)).getPageCount();
  return { bytes, pageCount, trace: options.trace!, qr: options.qrBox!, seal: options.seal! };
}

const box = (l: DrawnLine) => ({
  x: l.x,
  y: l.baseline - 0.25 * l.size,
  width: advanceOf(l.weight, l.text, l.size),
  height: 1.25 * l.size,
});

/** The issuer and date lines: the seal presses on them by design; every other line keeps out of its room. */
const signatureLines = (doc: CertificateDoc, trace: DrawnLine[]) =>
  trace.filter((l) => l.size === SIZE.body && (doc.issuer.includes(l.text) || l.text === doc.issueDate));

function clearOfSeal(l: DrawnLine, seal: Seal): boolean {
  const b = box(l);
  const dx = Math.max(b.x - seal.x, 0, seal.x - (b.x + b.width));
  const dy = Math.max(b.y - seal.y, 0, seal.y - (b.y + b.height));
  return Math.hypot(dx, dy) >= seal.radius;
}

/** Dark pixels inside the seal's circle, leaving out the issuer and date drawn under it. */
function inkInSeal(page: RenderedPage, seal: Seal, except: DrawnLine[]): number {
  const h = page.height / page.scale;
  const boxes = except.map(box);
  let count = 0;
  for (let py = Math.floor((h - seal.y - seal.radius) * page.scale); py < (h - seal.y + seal.radius) * page.scale; py++) {
    for (let px = Math.floor((seal.x - seal.radius) * page.scale); px < (seal.x + seal.radius) * page.scale; px++) {
      const x = (px + 0.5) / page.scale;
      const y = h - (py + 0.5) / page.scale;
      if (Math.hypot(x - seal.x, y - seal.y) > seal.radius - 1) continue;
      if (boxes.some((b) => x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 1 && y <= b.y + b.height + 1)) continue;
      const i = (py * page.width + px) * 4;
      if (0.299 * page.rgba[i]! + 0.587 * page.rgba[i + 1]! + 0.114 * page.rgba[i + 2]! < 200) count++;
    }
  }
  return count;
}

/** Every label of the table printed whole on one line, at 10.5 pt; facts at 12 pt. */
function expectLabelsWhole(doc: CertificateDoc, trace: DrawnLine[]) {
  for (const [label] of certificateRows(doc)) {
    expect(
      trace.some((l) => l.text === label && l.size === SIZE.footer),
      `label ${label} on one line`,
    ).toBe(true);
  }
  // Only the verification text beside the code is set smaller (as it was): the instructions and the audit head.
  const small = ['扫描二维码，或输入证明编号和核验码，核验本证明的真实性和有效状态。', `登记记录审计链摘要：${doc.auditHead}`];
  for (const l of trace.filter((t) => t.size < SIZE.footer))
    expect(
      small.some((s) => s.includes(l.text)),
      l.text,
    ).toBe(true);
  for (const l of trace.filter((t) => t.size === SIZE.cell)) expect(l.weight).toBe('regular');
}

function expectOnePage(doc: CertificateDoc, r: Awaited<ReturnType<typeof render>>) {
  expect(r.pageCount, doc.projectName).toBe(1);
  expect(r.trace.every((l) => l.page === 0)).toBe(true);
  expect(r.qr.page).toBe(0);
  expect(r.seal.page).toBe(0);
  // The seal's room lies inside the text block, above the footer band, and no line but issuer and date enters it.
  expect(r.seal.radius).toBeCloseTo(21 * (72 / 25.4), 1);
  expect(r.seal.y - r.seal.radius).toBeGreaterThanOrEqual(BLOCK.bottom);
  expect(r.seal.x + r.seal.radius).toBeLessThanOrEqual(BLOCK.right + 0.01);
  const signature = signatureLines(doc, r.trace);
  expect(signature.length).toBeGreaterThanOrEqual(2);
  for (const l of r.trace) if (!signature.includes(l)) expect(clearOfSeal(l, r.seal), `"${l.text}" enters the seal's room`).toBe(true);
  for (const l of r.trace) {
    expect(l.x).toBeGreaterThanOrEqual(BLOCK.left - 0.01);
    expect(l.x + advanceOf(l.weight, l.text, l.size)).toBeLessThanOrEqual(BLOCK.right + 0.01);
    expect(l.baseline - 0.25 * l.size).toBeGreaterThanOrEqual(BLOCK.bottom - 0.01);
  }
  expectLabelsWhole(doc, r.trace);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('a typical certificate is one A4 page', () => {
  it('the typical maximum: 3 chemicals, 2 conditions and a missing paper, long-ish names', async () => {
    const doc = typicalMaximum();
    const r = await render(doc);
    expectOnePage(doc, r);
    // Nothing was left out to get there: every fact, the prohibitions, the closing and the whole audit head.
    const text = squash((await extractText(r.bytes)).join(''));
    for (const part of [
      doc.projectName,
      doc.applicantName,
      doc.creditCode,
      ...doc.chemicals.map((c) => c.name),
      ...doc.openItems.map((o) => o.text),
      ...doc.prohibitions,
      '特此证明',
      doc.verificationCode,
      doc.auditHead,
    ])
      expect(text).toContain(squash(part));
  });

  it('on the rendered page: inside the block, every glyph inked, the code decodes, the seal room blank', async () => {
    const doc = typicalMaximum();
    const r = await render(doc);
    const [page] = await renderPages(r.bytes, 2);
    const b = inkBounds(page!)!;
    expect(b.left).toBeGreaterThanOrEqual(BLOCK.left - 1);
    expect(b.right).toBeLessThanOrEqual(BLOCK.right + 1);
    expect(b.bottom).toBeGreaterThanOrEqual(BLOCK.bottom - 1);
    expect(b.top).toBeLessThanOrEqual(BLOCK.top + 1);
    for (const line of r.trace) {
      let x = line.x;
      for (const ch of line.text) {
        const w = advanceOf(line.weight, ch, line.size);
        if (ch.trim() && ch !== '\u00a0') {
          const ink = inkInBox(page!, { x, y: line.baseline - 0.3 * line.size, width: w, height: 1.3 * line.size }, 200);
          expect(ink, `"${ch}" in "${line.text}"`).toBeGreaterThan(0);
        }
        x += w;
      }
    }
    expect(jsQR(page!.rgba, page!.width, page!.height)?.data).toBe(doc.qrText);
    expect(inkInSeal(page!, r.seal, signatureLines(doc, r.trace))).toBe(0);
    // The measure sees ink where there is some: a preview outlines the same room.
    const preview = await render(doc, true);
    const [marked] = await renderPages(preview.bytes, 2);
    expect(inkInSeal(marked!, preview.seal, signatureLines(doc, preview.trace))).toBeGreaterThan(100);
  });

  it('one more chemical line than fits continues on a headed, numbered second page', async () => {
    const doc = typicalMaximum();
    const more = typicalMaximum({ chemicals: [...doc.chemicals, ...doc.chemicals, ...doc.chemicals] });
    const r = await render(more);
    expect(r.pageCount).toBe(2);
    expect(r.seal.page).toBe(1);
    const pages = (await extractText(r.bytes)).map(squash);
    expect(pages[1]).toContain('化工中试项目登记备案证明（续）');
    expect(pages[1]).toContain('第2页共2页');
  });
});

// Typical inputs (domain §8): demo-like names and pools of real chemicals, items and opinions, bounded as a typical
// filing is: ≤ 3 chemicals, ≤ 3 open items, ≤ 2 units writing an opinion, ≤ 3 key processes.
const cjk = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...'滨海临港新材料科技化工精细医药氟硅产业园中试基地车间堃喆珺燊昇玥犇龑鑫泓源瑞丰晟华'), {
      minLength: min,
      maxLength: max,
    })
    .map((a) => a.join(''));
const CHEMICALS: [string, string][] = [
  ['甲苯', '108-88-3'],
  ['甲醇', '67-56-1'],
  ['氢气', '1333-74-0'],
  ['氯气', '7782-50-5'],
  ['硝酸', '7697-37-2'],
  ['氢氟酸', '7664-39-3'],
  ['过氧化氢', '7722-84-1'],
  ['无水氟化氢', '7664-39-3'],
  ['氯磺酸', '7790-94-5'],
  ['氯化亚砜', '7719-09-7'],
];
const UNITS = ['应急管理局', '生态环境分局', '自然资源和规划局', '行政审批服务局', '滨海临港化工园区管委会'];
const ITEMS = [
  '补交中试装置应急预案',
  '补交“中试装置应急预案”（正式文本）',
  '试验运行前完成应急演练并报园区备案',
  'HAZOP分析报告建议项整改闭环',
  '补交环境影响评价豁免意见',
  '危险废物暂存间完成验收',
];
const OPINIONS = [
  '同意备案。',
  '选址位于园区规划工业用地内。',
  '试验运行前须完成应急演练并报园区备案。',
  '反应安全风险评估为3级，须完成HAZOP闭环。',
];
const tonnes = fc.option(
  fc.integer({ min: 1, max: 99 }).map((n) => n / 10),
  { nil: null, freq: 5 },
);
const date = fc
  .date({ min: new Date('2026-01-05'), max: new Date('2027-12-20'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const typical: fc.Arbitrary<CertificateDoc> = fc
  .record({
    seq: fc.integer({ min: 1, max: 999 }),
    projectName: cjk(8, 26),
    applicantName: cjk(8, 16),
    legalRepresentative: cjk(2, 4),
    parkName: cjk(6, 11),
    baseName: cjk(6, 12),
    bay: fc
      .tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
      .map(([a, n, m]) => `${a}${n}中试车间${m}号位`),
    processes: fc.subarray(['氟化', '氯化', '磺化', '硝化', '加氢', '氧化', '聚合'], { maxLength: 3 }),
    routeSummary: cjk(20, 54),
    chemicals: fc.array(fc.tuple(fc.constantFrom(...CHEMICALS), tonnes, tonnes), { maxLength: 3 }),
    units: fc.tuple(...UNITS.map(() => fc.constantFrom('通过', '有条件通过', '不涉及'))),
    opinions: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...OPINIONS)), { maxLength: 2 }),
    items: fc.array(
      fc.tuple(fc.constantFrom(...ITEMS), fc.constantFrom(...UNITS), date, fc.constantFrom('容缺材料', '限制试运行', '告知事项')),
      {
        maxLength: 3,
      },
    ),
    issuer: fc.constantFrom('滨海新区行政审批服务局', '滨海区行政审批服务局', '港城区行政审批局'),
  })
  .map((g) =>
    typicalMaximum({
      number: `滨海化中试备〔2026〕${g.seq}号`,
      projectName: g.projectName,
      applicantName: g.applicantName,
      legalRepresentative: g.legalRepresentative,
      parkName: g.parkName,
      baseName: g.baseName,
      bay: g.bay,
      processes: g.processes,
      routeSummary: g.routeSummary,
      chemicals: g.chemicals.map(([[name, cas], maxInProcessT, maxStoredT]) => ({ name, cas, maxInProcessT, maxStoredT })),
      conclusions: UNITS.map((unitName, i) => ({
        unitName,
        decision: g.units[i]!,
        opinion: g.opinions.find(([u]) => u === i)?.[1] ?? '',
      })),
      openItems: g.items.map(([text, verifyingUnit, dueDate, kind]) => ({ text, verifyingUnit, dueDate, kind })),
      prohibitions: g.items.length ? typicalMaximum().prohibitions : typicalMaximum().prohibitions.slice(0, 1),
      issuer: g.issuer,
    }),
  );

describe('property: every typical certificate is one page', () => {
  it('one page, code and seal room on it, the room clear of every other line and blank on the rendered page', async () => {
    await fc.assert(
      fc.asyncProperty(typical, async (doc) => {
        const r = await render(doc);
        expectOnePage(doc, r);
        const [page] = await renderPages(r.bytes, 1);
        expect(inkInSeal(page!, r.seal, signatureLines(doc, r.trace))).toBe(0);
      }),
      { numRuns: 10, seed: Number(process.env.FC_SEED ?? 20261129) },
    );
  }, 120_000);
});
