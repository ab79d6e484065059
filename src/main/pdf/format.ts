/** Small display helpers shared by the certificate and the notices. */

/** `2026-11-26` → `2026年11月26日` (Arabic numerals, no leading zeros, as GB/T 9704 writes dates); other text as is. */
export function displayDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A quantity with its unit, or a dash when it was not given. */
export function quantity(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${formatNumber(value)}\u00a0${unit}`;
}

function formatNumber(value: number): string {
  // Up to four decimals, no trailing zeros, no exponent for small or large values.
  const fixed = value.toFixed(4).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** "1．…" numbering for lists inside a cell; a single item is printed without a number. */
export function numbered(items: string[], empty = '无'): string {
  if (items.length === 0) return empty;
  if (items.length === 1) return items[0]!;
  return items.map((item, i) => `${i + 1}．${item}`).join('\n');
}

/** Chinese ordinal for section headings: 一、二、… (up to 99). */
export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/** Joins a sentence and a note, without doubling the sentence's end punctuation. */
export function sentence(head: string, tail: string): string {
  if (!tail.trim()) return head;
  return /[。！？；：.!?;:]$/.test(head) ? `${head}${tail}` : `${head}。${tail}`;
}

export function pageOf(page: number, total: number): string {
  return `第 ${page} 页 共 ${total} 页`;
}
