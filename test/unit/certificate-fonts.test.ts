import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificate } from '../../src/main/pdf/certificate';
import { advanceOf, faceFor, unsupportedCharacters } from '../../src/main/pdf/fonts';
import { fallbackFor } from '../../src/main/pdf/system-fonts';
import { subsetTag } from '../../src/main/pdf/subset-tag';
import type { DrawnLine } from '../../src/main/pdf/sheet';
import { extractText, inkInBox, renderPages } from '../helpers/pdf-render';
import { sampleCertificate } from './pdf-fixtures';

/** Issue 15 §4 (characters beyond the embedded face) and §8 (seal space, quotes, font names, metadata). */
const dir = mkdtempSync(join(tmpdir(), 'cert-fonts-'));
const fontsOf = (bytes: Uint8Array) => {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0]!);
};

function boxesOf(trace: DrawnLine[], ch: string) {
  const out: { page: number; x: number; y: number; width: number; height: number }[] = [];
  for (const line of trace) {
    let x = line.x;
    for (const c of line.text) {
      const w = advanceOf(line.weight, c, line.size);
      if (c === ch) out.push({ page: line.page, x, y: line.baseline - 0.2 * line.size, width: w, height: 1.1 * line.size });
      x += w;
    }
  }
  return out;
}

describe('characters outside the embedded face (issue 15 §4)', () => {
  it('𠮷野家 prints 𠮷 from a fallback face on the machine, subset-embedded, with ink where it was laid out', async () => {
    // CI installs fonts-hanazono (.ci/run); Windows desks have SimSun-ExtB.
    expect(fallbackFor(0x20bb7), 'no font with CJK Extension B on this machine (install fonts-hanazono)').not.toBeNull();
    expect(unsupportedCharacters('𠮷野家')).toEqual([]);
    const trace: DrawnLine[] = [];
    const bytes = await renderCertificate(sampleCertificate({ applicantName: '𠮷野家滨海新材料有限公司' }), { trace });
    const text = (await extractText(bytes)).join('').replace(/\s+/g, '');
    expect(text).toContain('𠮷野家滨海新材料有限公司');
    expect(text).not.toContain('〓');
    const fonts = fontsOf(bytes);
    expect(fonts.some((f) => /^[A-Z]{6}\+HanaMin[AB]$|^[A-Z]{6}\+SimSun-ExtB$/.test(f))).toBe(true);
    const pages = await renderPages(bytes, 2);
    const boxes = boxesOf(trace, '𠮷');
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    for (const box of boxes) expect(inkInBox(pages[box.page]!, box)).toBeGreaterThan(40);
    // The fallback face is embedded only when needed.
    expect(fontsOf(await renderCertificate(sampleCertificate())).some((f) => f.includes('HanaMin'))).toBe(false);
  });

  it('a character no face has is reported by code point (issuing refuses it; the intake form warns)', () => {
    expect(faceFor('regular', 0x30000)).toBeNull();
    expect(unsupportedCharacters('滨海𰀀🦀化工')).toEqual(['𰀀', '🦀']);
  });
});

describe('an official document (issue 15 §8)', () => {
  const doc = sampleCertificate({
    openItems: [{ text: '补交「中试装置应急预案」', verifyingUnit: '应急管理局', dueDate: '2026-12-20', kind: '容缺材料' }],
  });

  it('the issued file leaves the seal space blank; a preview marks it', async () => {
    const issued = await renderCertificate(doc);
    const preview = await renderCertificate(doc, { preview: true });
    const issuedText = (await extractText(issued)).join('');
    expect(issuedText).not.toContain('印章');
    expect((await extractText(preview)).join('')).toContain('（印章）');
    // The dashed ring is grey ink the issued page lacks: compare the whole last page's ink.
    const last = async (b: Uint8Array) => (await renderPages(b, 1)).at(-1)!;
    const [a, p] = [await last(issued), await last(preview)];
    const whole = { x: 0, y: 0, width: 595, height: 842 };
    expect(inkInBox(p, whole, 200) - inkInBox(a, whole, 200)).toBeGreaterThan(100);
  });

  it('quotation marks are “ ” (GB/T 15834), not corner brackets', async () => {
    const text = (await extractText(await renderCertificate(doc))).join('');
    expect(text).toContain('补交“中试装置应急预案”');
    expect(text).not.toMatch(/[「」]/);
  });

  it('embedded fonts carry a subset tag; title, subject and language zh-CN are set', async () => {
    const bytes = await renderCertificate(doc);
    const fonts = fontsOf(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
    // The tag is a function of the glyphs used: same input, same bytes.
    expect(subsetTag('NotoSerifSC-Regular', [3, 1, 2])).toBe(subsetTag('NotoSerifSC-Regular', [1, 2, 3]));
    expect(subsetTag('NotoSerifSC-Regular', [1, 2, 3])).not.toBe(subsetTag('NotoSerifSC-Regular', [1, 2, 4]));
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(`化工中试项目登记备案证明 ${doc.number}`);
    expect(pdf.getSubject()).toContain(doc.projectName);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(zh-CN)');
  });
});
