import { createHash } from 'node:crypto';
import type { PDFFont } from 'pdf-lib';

/**
 * PDF 32000 §9.6.4: a subset font's name starts with a six-letter tag and "+" (ABCDEF+NotoSerifSC-Regular), so
 * viewers and preflight tools know it is a subset and never substitute an installed full font of the same name.
 * pdf-lib names fonts with a random suffix instead; the tag here comes from the glyphs used, so identical input
 * still gives identical bytes. Called just before saving, when every glyph is known.
 */
interface SubsetEmbedder {
  fontName: string;
  customName?: string;
  glyphs?: { id: number }[];
}

export function subsetTag(fontName: string, glyphIds: number[]): string {
  const digest = createHash('sha256')
    .update(`${fontName}:${[...glyphIds].sort((a, b) => a - b).join(',')}`)
    .digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

export function tagSubsetFonts(fonts: PDFFont[]): void {
  for (const font of fonts) {
    const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
    const ids = (embedder.glyphs ?? []).filter(Boolean).map((g) => g.id);
    embedder.customName = `${subsetTag(embedder.fontName, ids)}+${embedder.fontName}`;
  }
}
