/**
 * WCAG 2.1 contrast (GB/T 37668-2019): text needs 4.5:1 against what it sits on. The theme derives every text and
 * filled-background colour from its palette through `readable`, so a colour added later cannot fall below the line.
 */

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const hex = (c: Rgb) =>
  `#${c
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `color` laid at `alpha` over white, as a light badge or button background is. */
export function tint(color: string, alpha: number): string {
  return hex(rgb(color).map((v) => 255 + (v - 255) * alpha) as Rgb);
}

/** The colour itself if it reads on `against`, else the same hue darkened step by step until it does. */
export function readable(color: string, against = '#ffffff', min = 4.6): string {
  let c = rgb(color);
  for (let i = 0; i < 40 && contrast(hex(c), against) < min; i++) c = c.map((v) => v * 0.94) as Rgb;
  return hex(c);
}
