import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys, recordHash, signCertificate, verifyQrText } from '../../src/main/crypto/signing';
import { renderCertificate, type CertificateDoc, type RenderOptions } from '../../src/main/pdf/certificate';
import { advanceOf, MISSING_GLYPH_MARK, unsupportedCharacters } from '../../src/main/pdf/fonts';
import { displayDate } from '../../src/main/pdf/format';
import { BLOCK, type DrawnLine } from '../../src/main/pdf/sheet';
import { extractText, inkBounds, inkInBox, renderPages, type RenderedPage } from '../helpers/pdf-render';
import { sampleCertificate } from './pdf-fixtures';

const RARE = [...'堃喆珺燊昇玥犇龑'];
const FULL_WIDTH_PUNCTUATION = [...'，。、；：（）〔〕“”《》！？'];
const keys = loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'desk-cert-')));
const record = JSON.stringify({ filing: 42, version: 7, project: '六氟磷酸锂' });

function signed(over: Partial<CertificateDoc> = {}): CertificateDoc {
  const doc = sampleCertificate(over);
  const sig = signCertificate(keys, { number: doc.number, recordHash: recordHash(record), issuedAt: '2026-11-26T08:30:00.000Z' });
  return { ...doc, ...sig };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Boxes of every occurrence of `chars` on the traced lines, from the font's own advances. */
function glyphBoxes(trace: DrawnLine[], chars: string[]) {
  const boxes: { ch: string; page: number; x: number; y: number; width: number; height: number }[] = [];
  for (const line of trace) {
    let x = line.x;
    for (const ch of line.text) {
      const w = advanceOf(line.weight, ch, line.size);
      if (chars.includes(ch)) boxes.push({ ch, page: line.page, x, y: line.baseline - 0.2 * line.size, width: w, height: 1.1 * line.size });
      x += w;
    }
  }
  return boxes;
}

function expectInsideBlock(pages: RenderedPage[]) {
  const tolerance = 1; // one point: anti-aliasing of a stroke laid exactly on the edge
  for (const page of pages) {
    const b = inkBounds(page);
    expect(b).not.toBeNull();
    expect(b!.left).toBeGreaterThanOrEqual(BLOCK.left - tolerance);
    expect(b!.right).toBeLessThanOrEqual(BLOCK.right + tolerance);
    expect(b!.bottom).toBeGreaterThanOrEqual(BLOCK.bottom - tolerance);
    expect(b!.top).toBeLessThanOrEqual(BLOCK.top + tolerance);
  }
}

describe('certificate', () => {
  let bytes: Uint8Array;
  let text: string;
  let pages: RenderedPage[];
  const options: RenderOptions = { trace: [], qrBox: { page: 0, x: 0, y: 0, size: 0 } };
  const doc = signed({
    projectName: '堃喆珺燊昇玥犇龑（测试）项目：“甲”、《乙》；丙！丁？',
  });

  beforeAll(async () => {
    bytes = await renderCertificate(doc, options);
    // Text first: pdf.js, after drawing a document's subset fonts on a canvas in this process, reads a later document's
    // text layer through the fonts it already loaded and loses the hex run of the audit head (poppler's pdftotext
    // and a fresh pdf.js read the issued file whole). The test reads the text layer as a fresh reader would.
    text = squash((await extractText(bytes)).join(''));
    pages = await renderPages(bytes, 3);
    const out = join('artifacts', 'pdf');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'certificate.pdf'), bytes);
    pages.forEach((p, i) => writeFileSync(join(out, `certificate-${i + 1}.png`), p.png));
  });

  it('is small and A4', () => {
    expect(bytes.length).toBeLessThan(150 * 1024);
    expect(pages[0]!.width / 3).toBeCloseTo(595.28, 0);
    expect(pages[0]!.height / 3).toBeCloseTo(841.89, 0);
  });

  it('extracted text contains every field', async () => {
    const fields = [
      doc.number,
      doc.titleZh,
      doc.projectName,
      doc.applicantName,
      doc.creditCode,
      doc.legalRepresentative,
      doc.parkName,
      doc.baseName,
      doc.bay,
      doc.routeSummary,
      ...doc.processes,
      ...doc.products.flatMap((p) => [p.name, p.cas]),
      ...doc.chemicals.flatMap((c) => [c.name, c.cas, `${c.maxInProcessT}t`]),
      `${doc.chemicals[0]!.maxStoredT}t`,
      `${doc.scale.batchKg}kg`,
      `${doc.scale.throughputTpa}t/a`,
      `${doc.scale.largestReactorM3}m³`,
      displayDate(doc.runFrom),
      displayDate(doc.runTo),
      ...doc.conclusions.flatMap((c) => [c.unitName, c.decision, c.opinion]),
      ...doc.openItems.flatMap((o) => [o.text, o.verifyingUnit, displayDate(o.dueDate), o.kind]),
      ...doc.prohibitions,
      doc.issuer,
      doc.issueDate,
      doc.verificationCode,
      doc.auditHead,
    ];
    for (const field of fields) expect(text, field).toContain(squash(field));
    expect(text).toContain('第1页共');
  });

  it('every rare name character and every full-width punctuation mark has ink where it was laid out', () => {
    const boxes = glyphBoxes(options.trace!, [...RARE, ...FULL_WIDTH_PUNCTUATION]);
    for (const ch of [...RARE, ...FULL_WIDTH_PUNCTUATION])
      expect(
        boxes.some((b) => b.ch === ch),
        ch,
      ).toBe(true);
    for (const box of boxes) {
      const ink = inkInBox(pages[box.page]!, box);
      expect(ink, `${box.ch} on page ${box.page + 1}`).toBeGreaterThan(RARE.includes(box.ch) ? 40 : 4);
    }
  });

  it('the ink measure can fail: an empty stretch of the page has none', () => {
    expect(inkInBox(pages[0]!, { x: BLOCK.left, y: BLOCK.top + 20, width: 100, height: 30 })).toBe(0);
  });

  it('draws nothing outside the GB/T 9704 text block', () => {
    expectInsideBlock(pages);
  });

  it('every page repeats the number and says 第 N 页 共 M 页', async () => {
    const long = signed({
      conclusions: Array.from({ length: 5 }, (_, i) => ({
        unitName: `单位${i}`,
        decision: '有条件通过',
        opinion: '意见内容较长。'.repeat(60),
      })),
    });
    const b = await renderCertificate(long);
    const texts = await extractText(b);
    expect(texts.length).toBeGreaterThan(2);
    texts.forEach((t, i) => {
      expect(squash(t)).toContain(squash(long.number));
      expect(squash(t)).toContain(`第${i + 1}页共${texts.length}页`);
    });
    expectInsideBlock(await renderPages(b, 1));
  });

  it('the QR code decodes from the rendered page and verifies; one changed hash character fails', () => {
    const box = options.qrBox!;
    const page = pages[box.page]!;
    const s = page.scale;
    const pad = 12; // points of white around the code
    const x0 = Math.floor((box.x - pad) * s);
    const y0 = Math.floor((page.height / s - box.y - box.size - pad) * s);
    const w = Math.ceil((box.size + 2 * pad) * s);
    const crop = new Uint8ClampedArray(w * w * 4);
    for (let y = 0; y < w; y++) {
      const from = ((y0 + y) * page.width + x0) * 4;
      crop.set(page.rgba.subarray(from, from + w * 4), y * w * 4);
    }
    const code = jsQR(crop, w, w);
    expect(code).not.toBeNull();
    expect(code!.data).toBe(doc.qrText);
    const trusted = [{ keyId: keys.keyId, publicKeyPem: keys.publicKeyPem }];
    const result = verifyQrText(code!.data, trusted);
    expect(result).toMatchObject({ ok: true, number: doc.number, recordHash: recordHash(record) });
    const h = recordHash(record);
    const flipped = h.slice(0, 5) + (h[5] === '0' ? '1' : '0') + h.slice(6);
    expect(verifyQrText(code!.data.replace(h, flipped), trusted)).toEqual({ ok: false, reason: 'signature' });
    // A record changed after issue no longer matches the hash the code carries.
    expect(recordHash(record.replace('六', '七'))).not.toBe(result.ok && result.recordHash);
  });

  it('the same input gives the same bytes (an issued certificate can be re-rendered exactly)', async () => {
    expect(Buffer.from(await renderCertificate(doc)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a character no face on the machine has is printed as a visible mark, never a blank, and is reported', async () => {
    const trace: DrawnLine[] = [];
    // 🦀 (emoji) and 𰀀 (U+30000, Extension G) are in none of the faces; issuing refuses them (certificate-fonts.test).
    const b = await renderCertificate(signed({ applicantName: '滨海🦀𰀀化工有限公司' }), { trace });
    expect(unsupportedCharacters('滨海🦀𰀀化工有限公司')).toEqual(['🦀', '𰀀']);
    expect(squash((await extractText(b)).join(''))).toContain(`滨海${MISSING_GLYPH_MARK}${MISSING_GLYPH_MARK}化工有限公司`);
    const rendered = await renderPages(b, 3);
    const marks = glyphBoxes(trace, [MISSING_GLYPH_MARK]);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const m of marks) expect(inkInBox(rendered[m.page]!, m)).toBeGreaterThan(40);
  });
});
