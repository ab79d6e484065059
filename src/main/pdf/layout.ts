/**
 * Line breaking for Chinese text mixed with ASCII (pdf-lib's maxWidth only breaks at spaces).
 *
 * Rules (禁则):
 * - a line never starts with closing punctuation (，。、；：？！）」』》〕 …) — it stays with the character before it;
 * - a line never ends with opening punctuation (（「『《〔 …) — it travels with the character after it;
 * - ASCII words and numbers (any run of non-space ASCII, e.g. a credit code, a CAS number, 1.5) are never split,
 *   unless a single run is wider than the whole line, where splitting is the only way to stay inside the margin.
 * Breaks fall between CJK characters and at spaces; spaces at a break are dropped. "\n" is a hard break.
 */

export type Measure = (ch: string) => number;

export const NO_LINE_START = new Set([
  ...'，。、；：？！）」』》〕】〉〗〙〛｝］’”…—‥·・．,.;:?!)]}%‰℃°′″々ー～ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);
export const NO_LINE_END = new Set([...'（「『《〔【〈〖〘〚｛［‘“([{$¥￥#']);

// Printable ASCII except space, plus the no-break space that glues "CAS" to its number and a value to its unit,
// and the superscripts of units (m², m³), which must not be left alone on a line.
const ASCII_WORD = /^[!-~\u00a0\u00b2\u00b3]$/;
const COMBINING = /^\p{M}$/u;

/** Sum of advances; measure gets one code point (with any combining marks) at a time. */
export function textWidth(text: string, measure: Measure): number {
  let w = 0;
  for (const ch of text) w += measure(ch);
  return w;
}

/** Atoms: an ASCII run, or one other character with its combining marks. Spaces are their own atoms. */
function atoms(paragraph: string): string[] {
  const out: string[] = [];
  for (const ch of paragraph) {
    const last = out.length - 1;
    const prev = out[last];
    if (prev !== undefined && COMBINING.test(ch) && prev !== ' ') out[last] = prev + ch;
    else if (prev !== undefined && ASCII_WORD.test(ch) && ASCII_WORD.test(lastChar(prev))) out[last] = prev + ch;
    else out.push(ch);
  }
  return out;
}

function lastChar(s: string): string {
  const chars = [...s];
  return chars[chars.length - 1] ?? '';
}

function firstChar(s: string): string {
  return s.codePointAt(0) === undefined ? '' : String.fromCodePoint(s.codePointAt(0)!);
}

/** Groups: atoms that must stay on one line together, by the punctuation rules. Spaces stay separate. */
function groups(list: string[]): string[] {
  const out: string[] = [];
  let carry = ''; // opening punctuation waiting for the next atom
  for (const atom of list) {
    if (atom === ' ') {
      // An opening bracket still waits for its character across a space; otherwise the space is a break.
      if (carry) carry += atom;
      else out.push(atom);
      continue;
    }
    const prev = out[out.length - 1];
    let word = out.length - 1; // the last group before any spaces
    while (word >= 0 && out[word] === ' ') word--;
    if (!carry && prev !== undefined && prev !== ' ' && NO_LINE_START.has(firstChar(atom))) {
      out[out.length - 1] = prev + atom;
    } else if (!carry && prev === ' ' && word >= 0 && NO_LINE_START.has(firstChar(atom))) {
      // "最大量 —，…": spaces before closing punctuation or a dash are no break, or the line would start with it.
      out.splice(word, out.length - word, out.slice(word).join('') + atom);
    } else {
      carry += atom;
      if (!NO_LINE_END.has(lastChar(atom))) {
        out.push(carry);
        carry = '';
      }
    }
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * Splits an over-long group by characters: the only way to keep it inside the line. The punctuation rules still
 * hold where they can: a piece never starts with closing punctuation or ends with an opening bracket — the
 * character before moves down with it ("1（续" / "）" becomes "1" / "（续）").
 */
function forceSplit(group: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[][] = [];
  let line: string[] = [];
  let width = 0;
  for (const ch of atomsByChar(group)) {
    const w = textWidth(ch, measure);
    if (line.length && width + w > maxWidth) {
      const carried: string[] = [];
      // Spaces at a break are dropped, so the next piece starts at its first non-space character.
      const illegal = () =>
        NO_LINE_START.has(firstChar((carried.join('') + ch).trimStart())) || NO_LINE_END.has(lastChar(line[line.length - 1]!));
      // Pull characters down while the break is illegal, as long as they still fit on the next line.
      while (line.length > 1 && illegal() && textWidth(line[line.length - 1]! + carried.join(''), measure) + w <= maxWidth)
        carried.unshift(line.pop()!);
      pieces.push(line);
      line = carried;
      width = textWidth(carried.join(''), measure);
    }
    line.push(ch);
    width += w;
  }
  if (line.length) pieces.push(line);
  return pieces.map((p) => p.join(''));
}

function atomsByChar(s: string): string[] {
  const out: string[] = [];
  for (const ch of s) {
    if (out.length && COMBINING.test(ch)) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

function breakParagraph(paragraph: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  let pendingSpace = ''; // spaces are only kept when something follows them on the same line
  const flush = () => {
    lines.push(line);
    line = '';
    width = 0;
    pendingSpace = '';
  };
  for (const group of groups(atoms(paragraph))) {
    if (group === ' ') {
      if (line) pendingSpace += ' ';
      continue;
    }
    const w = textWidth(group, measure);
    const spaceW = textWidth(pendingSpace, measure);
    if (line && width + spaceW + w <= maxWidth) {
      line += pendingSpace + group;
      width += spaceW + w;
      pendingSpace = '';
      continue;
    }
    if (line) flush();
    if (w <= maxWidth) {
      line = group;
      width = w;
    } else {
      const pieces = forceSplit(group, maxWidth, measure);
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      line = pieces[pieces.length - 1] ?? '';
      width = textWidth(line, measure);
    }
    pendingSpace = '';
  }
  lines.push(line);
  return lines;
}

/** Breaks text into lines no wider than maxWidth. An empty text gives one empty line. */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) out.push(...breakParagraph(paragraph, maxWidth, measure));
  return out;
}

/** Caches advances per character so breaking a 2,000-character opinion does not re-shape each character. */
export function cachedMeasure(raw: (ch: string) => number): Measure {
  const cache = new Map<string, number>();
  return (ch) => {
    let w = cache.get(ch);
    if (w === undefined) {
      w = raw(ch);
      cache.set(ch, w);
    }
    return w;
  };
}
