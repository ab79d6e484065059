import type { Weight } from './fonts';

/**
 * Ruled tables for the certificate and the notices. Rows longer than the space left continue on the next page; the
 * first cell of a continued row is repeated with "（续）", and the row is tall enough for the whole label however
 * it wraps (a cut label would lose the very mark that says it continues). A row may have twice the table's cells
 * (label, value, label, value): `pairs` gives those rows their own column widths.
 */

export interface Cell {
  text: string;
  weight?: Weight;
  align?: 'left' | 'center';
  /** Type size of this cell (e.g. labels a size smaller than the facts); the table's size when not given. */
  size?: number;
  /** Width in points: when every cell of a row gives one, the row has its own columns (a form's irregular rows). */
  width?: number;
}

export interface TableOptions {
  size?: number;
  lineHeight?: number;
  /** White between the rules and the text: `pad` above and below, `padX` (default `pad`) left and right. */
  pad?: number;
  padX?: number;
  header?: Cell[];
  /** Column widths (relative) for rows with four cells. */
  pairs?: number[];
  /** Points that must follow the last row on its page (a closing that may not stand alone on a page). */
  keepLastWith?: number;
}

/** What a table needs from the page engine (the Sheet). */
export interface TableSheet {
  y: number;
  readonly floor: number;
  block: { left: number; width: number; top: number };
  lines(text: string, width: number, weight: Weight, size: number): string[];
  width(text: string, weight: Weight, size: number): number;
  drawLine(text: string, x: number, baseline: number, size: number, weight: Weight): void;
  rule(x1: number, y1: number, x2: number, y2: number): void;
  baseline(top: number, lineHeight: number, size: number): number;
  printable(text: string): string;
  newPage(): void;
  ensure(height: number): void;
}

const CONTINUED = '（续）';

export function drawTable(sheet: TableSheet, columns: number[], rows: Cell[][], o: TableOptions = {}): void {
  const size = o.size ?? 12;
  const lineHeight = o.lineHeight ?? size * 1.6;
  const pad = o.pad ?? 4;
  const padX = o.padX ?? pad;
  const inset = 0.5; // keeps the outer rule's stroke inside the block
  const left = sheet.block.left + inset;
  const full = sheet.block.width - 2 * inset;
  const layout = (relative: number[]) => {
    const total = relative.reduce((a, b) => a + b, 0);
    const widths = relative.map((c) => (full * c) / total);
    return { widths, xs: widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0)) };
  };
  const normal = layout(columns);
  const paired = o.pairs ? layout(o.pairs) : normal;
  const geometry = (cells: Cell[]) =>
    cells.every((c) => c.width !== undefined) ? layout(cells.map((c) => c.width!)) : cells.length === columns.length ? normal : paired;
  const cellLines = (cells: Cell[], cell: Cell, i: number) =>
    sheet.lines(sheet.printable(cell.text), geometry(cells).widths[i]! - 2 * padX, cell.weight ?? 'regular', cell.size ?? size);

  const drawRow = (cells: Cell[], lines: string[][]) => {
    const { widths, xs } = geometry(cells);
    const count = Math.max(1, ...lines.map((l) => l.length));
    const top = sheet.y;
    cells.forEach((cell, i) => {
      const weight = cell.weight ?? 'regular';
      const cellSize = cell.size ?? size;
      lines[i]!.forEach((line, n) => {
        const w = sheet.width(line, weight, cellSize);
        const x = cell.align === 'center' ? xs[i]! + (widths[i]! - w) / 2 : xs[i]! + padX;
        sheet.drawLine(line, x, sheet.baseline(top - pad - n * lineHeight, lineHeight, cellSize), cellSize, weight);
      });
    });
    const bottom = top - (count * lineHeight + 2 * pad);
    const right = left + full;
    sheet.rule(left, top, right, top);
    sheet.rule(left, bottom, right, bottom);
    for (const x of [...xs, right]) sheet.rule(x, top, x, bottom);
    sheet.y = bottom;
  };

  const header = o.header;
  const startPage = () => {
    if (header)
      drawRow(
        header,
        header.map((c, i) => cellLines(header, c, i)),
      );
  };
  sheet.ensure((lineHeight + 2 * pad) * (header ? 2 : 1));
  startPage();
  rows.forEach((cells, r) => {
    let lines = cells.map((c, i) => cellLines(cells, c, i));
    let continued = false;
    // The last row travels with what must follow it, so that never stands alone at the top of a page.
    const keep = r === rows.length - 1 ? (o.keepLastWith ?? 0) : 0;
    for (;;) {
      const [, all] = shown(cells, lines, continued);
      const needed = Math.max(1, ...all.map((l) => l.length));
      const fit = Math.floor((sheet.y - keep - sheet.floor - 2 * pad) / lineHeight);
      if (fit >= needed) {
        drawRow(...shown(cells, lines, continued));
        break;
      }
      // Split only when a few lines fit here (no lone first line at the foot of a page), or when the row would
      // not fit on an empty page anyway. The label (first cell) is never cut: each part repeats it whole.
      const fresh = Math.floor((sheet.block.top - sheet.floor - 2 * pad) / lineHeight) - (header ? 1 : 0);
      if (fit >= Math.max(1, all[0]!.length) && needed > 1 && (fit >= 3 || needed > fresh)) {
        drawRow(
          ...shown(
            cells,
            lines.map((l, i) => (i === 0 ? l : l.slice(0, fit))),
            continued,
          ),
        );
        lines = lines.map((l, i) => (i === 0 ? l : l.slice(fit)));
        continued = true;
      } else if (fit >= fresh) {
        // A first cell taller than an empty page (never a real label): cut it too rather than loop.
        drawRow(
          cells,
          lines.map((l) => l.slice(0, fit)),
        );
        lines = lines.map((l) => l.slice(fit));
        continued = true;
      }
      sheet.newPage();
      startPage();
    }
  });

  /** The cells and lines to draw: on a continued row the label is re-broken with its suffix, whole. */
  function shown(cells: Cell[], lines: string[][], continued: boolean): [Cell[], string[][]] {
    if (!continued) return [cells, lines];
    const labelled = cells.map((c, i) => (i === 0 ? { ...c, text: `${c.text}${CONTINUED}` } : c));
    return [labelled, lines.map((l, i) => (i === 0 ? cellLines(labelled, labelled[0]!, 0) : l))];
  }
}
