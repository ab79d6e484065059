import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { advanceOf, embedDeskFonts, faceFor, MISSING_GLYPH_MARK, printable, type DeskFonts, type Weight } from './fonts';
import { tagSubsetFonts } from './subset-tag';
import { drawTable, type Cell, type TableOptions } from './table';
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
  /** Printed at the top of every page after the first (e.g. the title and number with （续）). */
  continuationHead?: string;
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

export type { Cell } from './table';

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
  private readonly head?: string;

  private constructor(doc: PDFDocument, fonts: DeskFonts, trace?: DrawnLine[], head?: string) {
    this.doc = doc;
    this.fonts = fonts;
    this.trace = trace;
    this.head = head;
  }

  static async create(options: SheetOptions): Promise<Sheet> {
    // A fixed date keeps identical input → identical bytes; the issue date is printed on the page itself.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setSubject(options.subject ?? options.title);
    doc.setLanguage('zh-CN');
    doc.setProducer('pilot-desk');
    const text = printable([options.text ?? '', options.continuationHead ?? ''].join('\n'));
    const sheet = new Sheet(doc, await embedDeskFonts(doc, text), options.trace, options.continuationHead);
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
    if (this.head && this.pages.length > 1) {
      // A continuation page says what it continues: a reader holding page 2 alone still knows the document.
      const size = SIZE.footer;
      const line = this.lines(printable(this.head), BLOCK.width, 'regular', size)[0] ?? '';
      this.drawLine(line, BLOCK.left, Sheet.baseline(this.y, 16, size), size, 'regular');
      this.rule(BLOCK.left, this.y - 18, BLOCK.right, this.y - 18, 0.4);
      this.y -= 26;
    }
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

  /** A ruled table (see drawTable): rows longer than the space left continue on the next page, labelled （续）. */
  table(columns: number[], rows: Cell[][], o: TableOptions = {}): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the table reads and moves this sheet's cursor
    const sheet = this;
    drawTable(
      {
        get y() {
          return sheet.y;
        },
        set y(v: number) {
          sheet.y = v;
        },
        floor: this.floor,
        block: BLOCK,
        lines: (t, w, weight, size) => this.lines(t, w, weight, size),
        width: (t, weight, size) => this.width(t, weight, size),
        drawLine: (t, x, b, size, weight) => this.drawLine(t, x, b, size, weight),
        rule: (x1, y1, x2, y2) => this.rule(x1, y1, x2, y2),
        baseline: Sheet.baseline,
        printable,
        newPage: () => this.newPage(),
        ensure: (h) => this.ensure(h),
      },
      columns,
      rows,
      { size: SIZE.cell, ...o },
    );
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
