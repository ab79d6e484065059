import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { resourcesDir } from '../paths';

/**
 * Fonts found on the machine (toolchain.md "Fonts beyond the embedded one"). Noto Serif SC has no CJK Extension B
 * (𠮷 U+20BB7 and other characters of real names); office PCs and Debian have faces that do. A character the
 * embedded face lacks is drawn from the first of these that has it, subset-embedded like the main face.
 * Only single TrueType (glyf) files qualify: collections and CFF outlines do not embed correctly (toolchain.md).
 * The files are large (HanaMinB is 30 MB), so each is parsed on first need and kept for the process.
 */

export interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  unitsPerEm: number;
  postscriptName: string;
  createSubset(): object;
  directory: { tables: Record<string, unknown> };
}

export interface SystemFace {
  path: string;
  bytes: Uint8Array;
  font: FontkitFont;
}

const fontkit = ((fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule) as typeof fontkitModule;

const windowsFonts = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
const fromEnv = (name: string) => (process.env[name] ?? '').split(delimiter).filter(Boolean);

/** Extension B and beyond, in order of preference (a Song/Ming design first, to sit beside Noto Serif SC). */
export function fallbackCandidates(): string[] {
  return [
    ...fromEnv('PILOT_DESK_FALLBACK_FONTS'),
    join(resourcesDir(), 'fonts', 'fallback.ttf'),
    join(windowsFonts, 'simsunb.ttf'),
    '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
    '/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf',
    '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
  ];
}

/** FangSong (仿宋), the GB/T 9704 body face, where the machine has it (Windows ships simfang.ttf). */
export function fangSongCandidates(): string[] {
  return [
    ...fromEnv('PILOT_DESK_BODY_FONT'),
    join(resourcesDir(), 'fonts', 'simfang.ttf'),
    join(windowsFonts, 'simfang.ttf'),
    '/usr/share/fonts/truetype/simfang.ttf',
    '/usr/share/fonts/truetype/windows/simfang.ttf',
  ];
}

const faces = new Map<string, SystemFace | null>();

/** The face in `path`, or null when it is missing or not a usable TrueType file. */
export function loadFace(path: string): SystemFace | null {
  if (faces.has(path)) return faces.get(path)!;
  let face: SystemFace | null = null;
  try {
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      const font = fontkit.create(bytes) as unknown as FontkitFont;
      if (font.directory?.tables?.glyf && typeof font.hasGlyphForCodePoint === 'function') face = { path, bytes, font };
    }
  } catch {
    face = null;
  }
  faces.set(path, face);
  return face;
}

const byCodePoint = new Map<number, SystemFace | null>();

/** The first fallback face that draws this code point, or null when none on this machine does. */
export function fallbackFor(codePoint: number): SystemFace | null {
  if (byCodePoint.has(codePoint)) return byCodePoint.get(codePoint)!;
  let found: SystemFace | null = null;
  for (const path of fallbackCandidates()) {
    const face = loadFace(path);
    if (face?.font.hasGlyphForCodePoint(codePoint)) {
      found = face;
      break;
    }
  }
  byCodePoint.set(codePoint, found);
  return found;
}

let fangSong: SystemFace | null | undefined;

/** FangSong where found (checked once per process); null keeps Noto Serif SC for body text. */
export function fangSongFace(): SystemFace | null {
  if (fangSong === undefined)
    fangSong =
      fangSongCandidates()
        .map(loadFace)
        .find((f) => f !== null) ?? null;
  return fangSong;
}

/** Tests only: forget what was found (after changing the environment variables). */
export function resetSystemFonts(): void {
  faces.clear();
  byCodePoint.clear();
  fangSong = undefined;
}
