import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Real rendering for tests: pdf.js (legacy build, the one that runs in Node 20) draws each page onto an
 * @napi-rs/canvas; glyphs are drawn from the embedded font programs as paths, so a blank glyph shows as no ink.
 */

// pdf.js paints with the Path2D of the @napi-rs/canvas copy it resolves itself (npm may nest a different version
// under pdfjs-dist); a canvas from another copy rejects those paths. So the canvas comes from the same copy.
const requireFromPdfjs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const { createCanvas } = requireFromPdfjs('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

export interface RenderedPage {
  /** Device pixels per PDF point. */
  scale: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  png: Buffer;
}

async function open(bytes: Uint8Array) {
  // pdf.js takes ownership of the buffer it is given.
  return getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

export async function renderPages(bytes: Uint8Array, scale = 2): Promise<RenderedPage[]> {
  const pdf = await open(bytes);
  const pages: RenderedPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    type Params = Parameters<typeof page.render>[0];
    await page.render({ canvasContext: context as unknown as Params['canvasContext'], viewport }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    pages.push({
      scale,
      width: canvas.width,
      height: canvas.height,
      rgba: image.data as Uint8ClampedArray,
      png: canvas.toBuffer('image/png'),
    });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

/** Text of each page as pdf.js extracts it, items joined in content order (one string per page). */
export async function extractText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await open(bytes);
  const out: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return out;
}

/** Dark pixels (luminance below `threshold`) inside a box given in PDF points (origin bottom-left). */
export function inkInBox(page: RenderedPage, box: { x: number; y: number; width: number; height: number }, threshold = 160): number {
  const pageHeightPt = page.height / page.scale;
  const x0 = Math.max(0, Math.floor(box.x * page.scale));
  const x1 = Math.min(page.width, Math.ceil((box.x + box.width) * page.scale));
  const y0 = Math.max(0, Math.floor((pageHeightPt - box.y - box.height) * page.scale));
  const y1 = Math.min(page.height, Math.ceil((pageHeightPt - box.y) * page.scale));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * page.width + x) * 4;
      const lum = 0.299 * page.rgba[i]! + 0.587 * page.rgba[i + 1]! + 0.114 * page.rgba[i + 2]!;
      if (lum < threshold) count++;
    }
  }
  return count;
}

/** Bounding box (in PDF points) of every non-white pixel on the page, or null for a blank page. */
export function inkBounds(page: RenderedPage, threshold = 250): { left: number; right: number; bottom: number; top: number } | null {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const i = (y * page.width + x) * 4;
      if (page.rgba[i]! < threshold || page.rgba[i + 1]! < threshold || page.rgba[i + 2]! < threshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (minX === Infinity) return null;
  const h = page.height / page.scale;
  return { left: minX / page.scale, right: (maxX + 1) / page.scale, top: h - minY / page.scale, bottom: h - (maxY + 1) / page.scale };
}
