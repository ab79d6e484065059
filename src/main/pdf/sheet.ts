import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { advanceOf, embedDeskFonts, faceFor, MISSING_GLYPH_MARK, printable, type DeskFonts, type Weight } from './fonts';
import { tagSubsetFonts } from './subset-tag';
import { breakLines, cachedMeasure, textWidth, type Measure } from './layout';

/**
 * The page engine shared by the certificate and the notices: an A4 page with the GB/T 9704-2012 text block
 * (top 37 mm, binding edge 28 mm, 156 × 225 mm). Everything, page furniture included, is drawn inside the block,
 * so "nothing outside the margins" holds literally. Content flows top-down and continues on new pages.
 */

export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const BLOCK = {
  left: 28 * MM,
  width: 156 * MM,
  top: PAGE.height - 37 * MM,
  height: 225 * MM,
  bottom: PAGE.height - 37 * MM - 225 * MM,
  right: 28 * MM + 156 * MM,
};

/** GB/T 9704 sizes: 二号 22 pt title, 三号 16 pt body; tables and furniture smaller. */
export const SIZE = { title: 22, body: 16, cell: 12, small: 9, footer: 10.5 };
const INK = rgb(0, 0, 0);
// CJK ink sits roughly between 0.88 em above and 0.12 em below the baseline.
const ASCENT = 0.88;
const FOOTER_BAND = 24;

/** One drawn line, for tests that look at pixels where the layout said a character is. */
export interface DrawnLine {
  page: number;
  x: number;
  baseline: number;
  size: number;
  weight: Weight;
  text: string;
}

export interface SheetOptions {
  title: string;
  /** The document's subject (metadata); the title when not given. */
  subject?: string;
  /** All the text the document will draw, so faces beyond the embedded one are embedded when (only when) needed. */
  text?: string;
  trace?: DrawnLine[];
}

export interface ParagraphOptions {
  size?: number;
  weight?: Weight;
  lineHeight?: number;
  indent?: number;
  align?: 'left' | 'center' | 'right';
  before?: number;
  after?: number;
  keepWithNext?: number;
}

export interface Cell {
  text: string;
  weight?: Weight;
  align?: 'left' | 'center';
}

// Advances come from the font program (no shaping: ligatures and kerning are off when drawing) and are cached for
// the life of the process, since the same few hundred characters recur in every document.
const measures = new Map<string, Measure>();
function measureFor(weight: Weight, size: number): Measure {
  const key = `${weight}/${size}`;
  let m = measures.get(key);
  if (!m) {
    m = cachedMeasure((ch) => advanceOf(weight, ch, size));
    measures.set(key, m);
  }
  return m;
}

export class Sheet {
  readonly doc: PDFDocument;
  readonly fonts: DeskFonts;
  readonly pages: PDFPage[] = [];
  /** Top of the free space on the current page. */
  y = BLOCK.top;
  private readonly trace?: DrawnLine[];

  private constructor(doc: PDFDocument, fonts: DeskFonts, trace?: DrawnLine[]) {
    this.doc = doc;
    this.fonts = fonts;
    this.trace = trace;
  }

  static async create(options: SheetOptions): Promise<Sheet> {
    // A fixed date keeps identical input → identical bytes; the issue date is printed on the page itself.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setSubject(options.subject ?? options.title);
    doc.setLanguage('zh-CN');
    doc.setProducer('pilot-desk');
    const sheet = new Sheet(doc, await embedDeskFonts(doc, options.text ? printable(options.text) : ''), options.trace);
    sheet.newPage();
    return sheet;
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  /** Lowest y content may reach: the footer band at the bottom of the block is reserved. */
  get floor(): number {
    return BLOCK.bottom + FOOTER_BAND;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = BLOCK.top;
  }

  /** Starts a new page unless `height` still fits. */
  ensure(height: number): void {
    if (this.y - height < this.floor) this.newPage();
  }

  font(weight: Weight): PDFFont {
    return this.fonts[weight];
  }

  measure(weight: Weight, size: number): Measure {
    return measureFor(weight, size);
  }

  width(text: string, weight: Weight, size: number): number {
    return textWidth(text, this.measure(weight, size));
  }

  /** Breaks already-printable text into lines of at most `width` points. */
  lines(text: string, width: number, weight: Weight, size: number): string[] {
    return breakLines(text, width, this.measure(weight, size));
  }

  /** Draws one line of printable text with its baseline at `baseline`. */
  drawLine(text: string, x: number, baseline: number, size: number, weight: Weight, pageIndex = this.pages.length - 1): void {
    if (text === '') return;
    let at = x;
    for (const run of this.runs(text, weight)) {
      this.pages[pageIndex]!.drawText(run.text, { x: at, y: baseline, size, font: run.font, color: INK });
      at += this.width(run.text, weight, size);
    }
    this.trace?.push({ page: pageIndex, x, baseline, size, weight, text });
  }

  /**
   * Splits a line into runs drawn by one face each: FangSong or Noto Serif SC, and a fallback face for characters
   * they lack. A character whose face this document did not embed (a caller that gave no `text`) is marked.
   */
  private runs(text: string, weight: Weight): { text: string; font: PDFFont }[] {
    const out: { text: string; font: PDFFont }[] = [];
    for (const ch of text) {
      const key = faceFor(weight, ch.codePointAt(0)!)?.key ?? weight;
      const extra = key === weight ? undefined : this.fonts.extra.get(key);
      const font = extra ?? this.font(weight);
      const glyph = key === weight || extra ? ch : MISSING_GLYPH_MARK;
      const last = out[out.length - 1];
      if (last?.font === font) last.text += glyph;
      else out.push({ text: glyph, font });
    }
    return out;
  }

  /** Baseline for a line whose box starts at `top` and is `lineHeight` tall: the ink is centred in the box. */
  static baseline(top: number, lineHeight: number, size: number): number {
    return top - (lineHeight - size) / 2 - ASCENT * size;
  }

  /**
   * Flowing text across pages. `indent` is in characters (two for a Chinese paragraph); `align` positions each line.
   * `keepWithNext` (points) keeps the last two lines together with that much following content.
   */
  paragraph(raw: string, o: ParagraphOptions = {}): void {
    const size = o.size ?? SIZE.body;
    const weight = o.weight ?? 'regular';
    const lineHeight = o.lineHeight ?? size * 1.8;
    const indentWidth = (o.indent ?? 0) * size;
    this.y -= o.before ?? 0;
    const placed = this.paragraphLines(raw, o);
    placed.forEach(({ line, first }, i) => {
      const keep = o.keepWithNext !== undefined && i === Math.max(0, placed.length - 2);
      this.ensure(keep ? lineHeight * Math.min(2, placed.length) + o.keepWithNext! : lineHeight);
      const w = this.width(line, weight, size);
      const x =
        o.align === 'center'
          ? BLOCK.left + (BLOCK.width - w) / 2
          : o.align === 'right'
            ? BLOCK.right - w
            : BLOCK.left + (first ? indentWidth : 0);
      this.drawLine(line, x, Sheet.baseline(this.y, lineHeight, size), size, weight);
      this.y -= lineHeight;
    });
    this.y -= o.after ?? 0;
  }

  /** The lines of a paragraph; only the first line of each "\n"-separated part is indented. */
  private paragraphLines(raw: string, o: ParagraphOptions): { line: string; first: boolean }[] {
    const size = o.size ?? SIZE.body;
    const weight = o.weight ?? 'regular';
    const indentWidth = (o.indent ?? 0) * size;
    const out: { line: string; first: boolean }[] = [];
    for (const para of printable(raw)
      .split('\n')
      .map((p) => p.replace(/^ +/, ''))) {
      const first = this.lines(para, BLOCK.width - indentWidth, weight, size);
      const head = first[0] ?? '';
      const rest = first.length > 1 ? this.lines(para.slice(head.length).replace(/^ +/, ''), BLOCK.width, weight, size) : [];
      out.push({ line: head, first: true }, ...rest.map((line) => ({ line, first: false })));
    }
    return out;
  }

  /** Vertical gap (never starts a page with a gap worth keeping). */
  gap(points: number): void {
    this.y = Math.max(this.y - points, this.floor);
  }

  rule(x1: number, y1: number, x2: number, y2: number, thickness = 0.6, pageIndex = this.pages.length - 1): void {
    this.pages[pageIndex]!.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: INK });
  }

  /**
   * A ruled table. Rows longer than the space left continue on the next page; the first cell of a continued row
   * is repeated with "（续）" so a reader always knows which field they are reading.
   */
  table(columns: number[], rows: Cell[][], o: { size?: number; lineHeight?: number; pad?: number; header?: Cell[] } = {}): void {
    const size = o.size ?? SIZE.cell;
    const lineHeight = o.lineHeight ?? size * 1.6;
    const pad = o.pad ?? 4;
    const inset = 0.5; // keeps the outer rule's stroke inside the block
    const left = BLOCK.left + inset;
    const total = columns.reduce((a, b) => a + b, 0);
    const widths = columns.map((c) => ((BLOCK.width - 2 * inset) * c) / total);
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const cellLines = (cell: Cell, i: number) => this.lines(printable(cell.text), widths[i]! - 2 * pad, cell.weight ?? 'regular', size);

    const drawRow = (cells: Cell[], lines: string[][]) => {
      const count = Math.max(1, ...lines.map((l) => l.length));
      const height = count * lineHeight + 2 * pad;
      const top = this.y;
      cells.forEach((cell, i) => {
        const weight = cell.weight ?? 'regular';
        lines[i]!.forEach((line, n) => {
          const w = this.width(line, weight, size);
          const x = cell.align === 'center' ? xs[i]! + (widths[i]! - w) / 2 : xs[i]! + pad;
          this.drawLine(line, x, Sheet.baseline(top - pad - n * lineHeight, lineHeight, size), size, weight);
        });
      });
      const bottom = top - height;
      const right = left + widths.reduce((a, b) => a + b, 0);
      this.rule(left, top, right, top);
      this.rule(left, bottom, right, bottom);
      for (const x of [...xs, right]) this.rule(x, top, x, bottom);
      this.y = bottom;
    };

    const header = o.header;
    const headerLines = header?.map(cellLines);
    const startPage = () => {
      if (header && headerLines) drawRow(header, headerLines);
    };
    const minRow = lineHeight + 2 * pad;
    this.ensure(minRow * (header ? 2 : 1));
    startPage();
    for (const cells of rows) {
      let lines = cells.map(cellLines);
      let continued = false;
      for (;;) {
        const needed = Math.max(1, ...lines.map((l) => l.length));
        const fit = Math.floor((this.y - this.floor - 2 * pad) / lineHeight);
        if (fit >= needed) {
          drawRow(continued ? this.continuation(cells) : cells, continued ? this.continuationLines(cells, lines, cellLines) : lines);
          break;
        }
        // Split only when a few lines fit here (no lone first line at the foot of a page), or when the row would
        // not fit on an empty page anyway.
        const fresh = Math.floor((BLOCK.top - this.floor - 2 * pad) / lineHeight) - (header ? 1 : 0);
        if (fit >= 1 && needed > 1 && (fit >= 3 || needed > fresh)) {
          const head = lines.map((l) => l.slice(0, fit));
          drawRow(continued ? this.continuation(cells) : cells, continued ? this.continuationLines(cells, head, cellLines) : head);
          lines = lines.map((l) => l.slice(fit));
          continued = true;
        }
        this.newPage();
        startPage();
      }
    }
  }

  private continuation(cells: Cell[]): Cell[] {
    return cells.map((c, i) => (i === 0 ? { ...c, text: `${c.text}（续）` } : c));
  }

  /** On a continued row the label is re-broken with its suffix; the other cells keep their remaining lines. */
  private continuationLines(cells: Cell[], lines: string[][], cellLines: (c: Cell, i: number) => string[]): string[][] {
    const rows = Math.max(1, ...lines.slice(1).map((l) => l.length));
    return lines.map((l, i) => (i === 0 ? cellLines(this.continuation(cells)[0]!, 0).slice(0, rows) : l));
  }

  /** Footer inside the bottom band of the block on every page: `parts(pageIndex, pageCount)` gives its two ends. */
  footer(parts: (index: number, count: number) => { left: string; right: string }): void {
    const size = SIZE.footer;
    const baseline = BLOCK.bottom + 0.3 * size;
    this.pages.forEach((_, i) => {
      const { left, right } = parts(i, this.pages.length);
      const r = printable(right);
      const rw = this.width(r, 'regular', size);
      const lLine = this.lines(printable(left), BLOCK.width - rw - size, 'regular', size)[0] ?? '';
      this.drawLine(lLine, BLOCK.left, baseline, size, 'regular', i);
      this.drawLine(r, BLOCK.right - rw, baseline, size, 'regular', i);
      this.rule(BLOCK.left, BLOCK.bottom + FOOTER_BAND - 6, BLOCK.right, BLOCK.bottom + FOOTER_BAND - 6, 0.4, i);
    });
  }

  async save(): Promise<Uint8Array> {
    tagSubsetFonts([this.fonts.regular, this.fonts.bold, ...this.fonts.extra.values()]);
    return this.doc.save({ useObjectStreams: true });
  }
}
