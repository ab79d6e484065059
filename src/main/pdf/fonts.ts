import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { resourcesDir } from '../paths';
import { fallbackFor, fangSongFace, type FontkitFont, type SystemFace } from './system-fonts';

/**
 * The certificate face: Noto Serif SC (SIL OFL 1.1), TrueType outlines, regular and bold.
 * Loaded from resources/fonts when a packager copied the files there, else from the npm package.
 *
 * Two things here are not obvious:
 * 1. @pdf-lib/fontkit's subsetter copies glyph records verbatim and, for small subsets, writes the short `loca`
 *    format (offset / 2). A glyph record of odd length shifts every later glyph by one byte and they render blank
 *    while text extraction still finds them. We pad every copied record to an even length (patchSubsetter).
 * 2. Parsing a 15 MB font per document costs more than the rest of the certificate, so the parsed fontkit objects
 *    are kept for the life of the process and handed to pdf-lib through a tiny fontkit facade.
 */

export type Weight = 'regular' | 'bold';

const FILES: Record<Weight, { dir: string; file: string }> = {
  regular: { dir: '400Regular', file: 'NotoSerifSC_400Regular.ttf' },
  bold: { dir: '700Bold', file: 'NotoSerifSC_700Bold.ttf' },
};

/** Printed in place of a character the face lacks (emoji, most CJK Ext-B): the typesetter's geta mark. */
export const MISSING_GLYPH_MARK = '〓';

// Invisible by definition (variation selectors, joiners, soft hyphen, BOM, tag characters): dropped, not marked.
// The class lists combining marks as single code points on purpose, which is what the lint rule warns about.
const DEFAULT_IGNORABLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFFF0-\uFFF8]|[\u{E0000}-\u{E0FFF}]/gu;

// The package is UMD: depending on the loader its API is the namespace itself or its `default`.
const fontkit = ((fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule) as typeof fontkitModule;

let loaded: Record<Weight, { bytes: Uint8Array; font: FontkitFont }> | null = null;

function fontPath(weight: Weight): string {
  const { dir, file } = FILES[weight];
  const inResources = join(resourcesDir(), 'fonts', file);
  if (existsSync(inResources)) return inResources;
  const require = createRequire(__filename);
  const pkg = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  return join(pkg, dir, file);
}

let patched = false;
function patchSubsetter(sample: FontkitFont): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(sample.createSubset()) as {
    _addGlyph: (this: { glyf: Uint8Array[]; offset: number }, gid: number) => number;
  };
  const original = proto._addGlyph;
  proto._addGlyph = function padded(gid) {
    const index = original.call(this, gid);
    const record = this.glyf[index]!;
    if (record.length % 2 === 1) {
      // fontkit's stream only accepts its own bundled Buffer class: allocate the padded record with it.
      const Bytes = record.constructor as unknown as { alloc(n: number): Uint8Array };
      const even = Bytes.alloc(record.length + 1);
      even.set(record);
      this.glyf[index] = even;
      this.offset += 1;
    }
    return index;
  };
  patched = true;
}

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const entry = (weight: Weight) => {
    const bytes = readFileSync(fontPath(weight));
    return { bytes, font: fontkit.create(bytes) as unknown as FontkitFont };
  };
  const result = { regular: entry('regular'), bold: entry('bold') };
  patchSubsetter(result.regular.font);
  loaded = result;
  return result;
}

/** Hands pdf-lib the already-parsed font for bytes it has seen, instead of parsing 15 MB again. */
const cachingFontkit = {
  create(bytes: Uint8Array) {
    const fonts = load();
    for (const weight of ['regular', 'bold'] as const) if (fonts[weight].bytes === bytes) return fonts[weight].font;
    const known = [fangSongFace(), ...[...systemFacesSeen]].find((f) => f?.bytes === bytes);
    return known ? known.font : fontkit.create(bytes);
  },
};

const systemFacesSeen = new Set<SystemFace>();

/**
 * Which face draws a code point: for the regular weight FangSong first where the machine has it (GB/T 9704 body
 * text), then Noto Serif SC of the weight, then a fallback face found on the machine. `key` names the face in a
 * document ('regular', 'bold', 'body', or the fallback file's path); null when no face has the character.
 */
export function faceFor(weight: Weight, codePoint: number): { key: string; face: FontkitFont; system: SystemFace | null } | null {
  const body = weight === 'regular' ? fangSongFace() : null;
  if (body?.font.hasGlyphForCodePoint(codePoint)) return { key: 'body', face: body.font, system: body };
  const own = load()[weight].font;
  if (own.hasGlyphForCodePoint(codePoint)) return { key: weight, face: own, system: null };
  const fallback = fallbackFor(codePoint);
  if (!fallback) return null;
  systemFacesSeen.add(fallback);
  return { key: fallback.path, face: fallback.font, system: fallback };
}

export interface DeskFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Further faces by key (FangSong as 'body', fallbacks by path), embedded only when the document needs them. */
  extra: Map<string, PDFFont>;
}

// Ligatures and kerning are off: pdf-lib ignores GPOS positions anyway, and plain advances keep our measurements exact.
const FEATURES = { liga: false, kern: false, calt: false, clig: false };

/** Embeds both Noto weights, FangSong when present, and the fallback faces the characters of `text` need. */
export async function embedDeskFonts(doc: PDFDocument, text = ''): Promise<DeskFonts> {
  const fonts = load();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const regular = await doc.embedFont(fonts.regular.bytes, { subset: true, features: FEATURES });
  const bold = await doc.embedFont(fonts.bold.bytes, { subset: true, features: FEATURES });
  const extra = new Map<string, PDFFont>();
  const body = fangSongFace();
  if (body) extra.set('body', await doc.embedFont(body.bytes, { subset: true, features: FEATURES }));
  for (const ch of new Set(text)) {
    for (const weight of ['regular', 'bold'] as const) {
      const f = faceFor(weight, ch.codePointAt(0)!);
      if (f?.system && !extra.has(f.key)) extra.set(f.key, await doc.embedFont(f.system.bytes, { subset: true, features: FEATURES }));
    }
  }
  return { regular, bold, extra };
}

/** True when some face (embedded or found on the machine) can draw this code point in both weights. */
export function canDraw(codePoint: number): boolean {
  return faceFor('regular', codePoint) !== null && faceFor('bold', codePoint) !== null;
}

/** Characters of `text` no face on this machine has (each once, in order): issuing refuses them, forms warn. */
export function unsupportedCharacters(text: string): string[] {
  const seen = new Set<string>();
  for (const ch of text.normalize('NFC').replace(DEFAULT_IGNORABLE, '')) {
    if (ch === '\n' || ch === '\r' || ch === '\t') continue;
    if (!canDraw(ch.codePointAt(0)!)) seen.add(ch);
  }
  return [...seen];
}

/**
 * Makes text safe to draw: NFC, invisible format characters dropped, tabs and odd spaces as spaces,
 * every character the face lacks replaced by MISSING_GLYPH_MARK so it is visibly missing, never blank.
 * Line breaks survive (as \n) for multi-line fields.
 */
export function printable(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(DEFAULT_IGNORABLE, '')
    .replace(/\t/g, ' ');
  let out = '';
  for (const ch of cleaned) {
    if (ch === '\n') out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      // C0/C1 controls never reach here through the schemas; if they do, mark them rather than let pdf-lib choke.
      out += cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || !canDraw(cp) ? MISSING_GLYPH_MARK : ch;
    }
  }
  return out;
}

/** Advance of printable text measured from the font programs that draw it (tests locate glyphs with it). */
export function advanceOf(weight: Weight, text: string, size: number): number {
  let width = 0;
  for (const ch of text) {
    const f = faceFor(weight, ch.codePointAt(0)!);
    const face = f?.face ?? load()[weight].font;
    width += (face.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / face.unitsPerEm) * size;
  }
  return width;
}
