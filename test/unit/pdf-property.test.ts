import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, textLength, textProblem } from '../../src/shared/domain/text';
import { renderCertificate, type CertificateDoc } from '../../src/main/pdf/certificate';
import { advanceOf } from '../../src/main/pdf/fonts';
import { renderRefusalNotice } from '../../src/main/pdf/notices';
import { BLOCK, type DrawnLine } from '../../src/main/pdf/sheet';
import { inkBounds, inkInBox, renderPages } from '../helpers/pdf-render';
import { sampleCertificate } from './pdf-fixtures';

/**
 * pdf-1: every string the schemas accept can be drawn. Strings mix common and rare CJK, ASCII, full-width
 * punctuation, emoji, CJK Ext-B, combining marks and joiners; they are passed through the same hygiene the schemas
 * apply (NFC, no controls or bidi, length caps). Checked: no exception, every drawn line inside the text block (by
 * layout and by pixels), and every visible character has ink (missing glyphs become 〓, which has ink).
 */

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.constantFrom(...'堃喆珺燊昇玥犇龑，。、；：（）「」『』《》？！〔〕“”…—·') },
  { weight: 3, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\u3000', '\u00a0', 'é', 'ß', 'Ω', '\u0301', '\u200d', '\ufe0f', '№', '℃', '㎡') },
  { weight: 1, arbitrary: fc.integer({ min: 0x1f300, max: 0x1f64f }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)) },
);

function hygienic(max: number, multiline: boolean, size: fc.SizeForArbitrary) {
  const unit = multiline ? fc.oneof({ weight: 20, arbitrary: piece }, { weight: 1, arbitrary: fc.constant('\n') }) : piece;
  return fc
    .array(unit, { minLength: 1, maxLength: max, size })
    .map((parts) => normalizeText(parts.join('')))
    .filter((s) => s.length > 0 && textProblem(s, multiline) === null && textLength(s) <= max);
}

const name = hygienic(200, false, 'small');
const longName = hygienic(200, false, 'max');
const opinion = hygienic(2000, true, 'medium');

const certificate: fc.Arbitrary<CertificateDoc> = fc
  .record({
    projectName: longName,
    applicantName: name,
    legalRepresentative: name,
    parkName: name,
    baseName: name,
    bay: name,
    routeSummary: opinion,
    processes: fc.array(name, { maxLength: 4 }),
    products: fc.array(fc.record({ name, cas: fc.constantFrom('', '64-17-5', '7664-39-3') }), { maxLength: 3 }),
    conclusions: fc.array(fc.record({ unitName: name, decision: name, opinion }), { minLength: 1, maxLength: 5 }),
    openItems: fc.array(fc.record({ text: opinion, verifyingUnit: name, dueDate: fc.constant('2027-01-15'), kind: name }), {
      maxLength: 3,
    }),
    issuer: name,
  })
  .map((over) => sampleCertificate(over));

function lineInsideBlock(line: DrawnLine) {
  const width = advanceOf(line.weight, line.text, line.size);
  expect(line.x).toBeGreaterThanOrEqual(BLOCK.left - 0.01);
  expect(line.x + width).toBeLessThanOrEqual(BLOCK.right + 0.01);
  expect(line.baseline - 0.25 * line.size).toBeGreaterThanOrEqual(BLOCK.bottom - 0.01);
  expect(line.baseline + line.size).toBeLessThanOrEqual(BLOCK.top + 0.01);
}

const BLANK = /^[\s\u3000\u00a0\u2000-\u200a\p{M}]$/u;

async function checkPixels(bytes: Uint8Array, trace: DrawnLine[]) {
  const pages = await renderPages(bytes, 2);
  for (const page of pages) {
    const b = inkBounds(page)!;
    expect(b.left).toBeGreaterThanOrEqual(BLOCK.left - 1);
    expect(b.right).toBeLessThanOrEqual(BLOCK.right + 1);
    expect(b.bottom).toBeGreaterThanOrEqual(BLOCK.bottom - 1);
    expect(b.top).toBeLessThanOrEqual(BLOCK.top + 1);
  }
  for (const line of trace) {
    let x = line.x;
    for (const ch of line.text) {
      const w = advanceOf(line.weight, ch, line.size);
      if (!BLANK.test(ch) && w > 0) {
        const ink = inkInBox(pages[line.page]!, { x, y: line.baseline - 0.3 * line.size, width: w, height: 1.3 * line.size }, 200);
        expect(ink, `U+${ch.codePointAt(0)!.toString(16)} "${ch}" in "${line.text}"`).toBeGreaterThan(0);
      }
      x += w;
    }
  }
}

describe('pdf-1: anything the schemas accept can be drawn', () => {
  it('certificates with arbitrary hygienic text', async () => {
    await fc.assert(
      fc.asyncProperty(certificate, async (doc) => {
        const trace: DrawnLine[] = [];
        const bytes = await renderCertificate(doc, { trace });
        trace.forEach(lineInsideBlock);
        await checkPixels(bytes, trace);
      }),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20261126) },
    );
  }, 240_000);

  it('the largest certificate: every field at its cap', async () => {
    const wide = 'W'.repeat(200);
    const cjk = '龑'.repeat(200);
    const para = '堃喆珺燊昇玥犇龑，'.repeat(222).slice(0, 2000);
    const doc = sampleCertificate({
      projectName: cjk,
      applicantName: wide,
      legalRepresentative: cjk,
      parkName: wide,
      baseName: cjk,
      bay: wide,
      routeSummary: para,
      processes: [cjk, wide],
      products: [{ name: cjk, cas: '64-17-5' }],
      conclusions: Array.from({ length: 5 }, () => ({ unitName: cjk, decision: wide, opinion: para })),
      openItems: Array.from({ length: 3 }, () => ({ text: para, verifyingUnit: cjk, dueDate: '2027-01-15', kind: wide })),
      issuer: cjk,
      number: wide,
      titleZh: cjk,
      replaces: wide,
      auditHead: 'f'.repeat(200),
    });
    const trace: DrawnLine[] = [];
    const bytes = await renderCertificate(doc, { trace });
    trace.forEach(lineInsideBlock);
    // Every character of the verification text is printed, however narrow the room beside the seal: the audit head
    // (200 characters here) is never cut off at the foot of the code's band.
    const printed = trace.map((l) => l.text).join('');
    expect(printed.split('f').length - 1).toBeGreaterThanOrEqual(200);
    expect(printed).toContain('登记记录审计链摘要');
    await checkPixels(bytes, trace);
  }, 240_000);

  it('notices with arbitrary hygienic text', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        fc.array(opinion, { minLength: 1, maxLength: 4 }),
        name,
        async (applicantName, projectName, reasons, issuer) => {
          const bytes = await renderRefusalNotice({
            kind: 'rejected',
            filingNo: 'BH-2026-0001',
            applicantName,
            projectName,
            reasons,
            issuer,
            issueDate: '2026-11-26',
          });
          const pages = await renderPages(bytes, 1);
          for (const page of pages) {
            const b = inkBounds(page)!;
            expect(b.left).toBeGreaterThanOrEqual(BLOCK.left - 1);
            expect(b.right).toBeLessThanOrEqual(BLOCK.right + 1);
            expect(b.bottom).toBeGreaterThanOrEqual(BLOCK.bottom - 1);
            expect(b.top).toBeLessThanOrEqual(BLOCK.top + 1);
          }
        },
      ),
      { numRuns: 6, seed: Number(process.env.FC_SEED ?? 20261126) },
    );
  }, 240_000);
});
