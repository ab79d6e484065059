/**
 * What a clerk types into a quantity or date field becomes exactly the value meant, or a named problem — never a
 * different value. Full-width digits (０–９), the full-width full stop (．) and the ideographic full stop (。) are the
 * same characters typed with a Chinese input method, so they are read as ASCII; anything else that could be read two
 * ways ("1,000", "1e3", "-3") is refused rather than rewritten. The form and the desk's schemas call the same functions.
 */

export type QuantityProblem = 'separator' | 'exponent' | 'negative' | 'format' | 'precision' | 'tooBig';
export type Parsed<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/** Largest quantity a filing field accepts (t, kg, t/a, m³ alike). */
export const QUANTITY_MAX = 1e9;
/** Digits beyond this can no longer be stored exactly as a double; a longer number is refused, not rounded. */
const MAX_SIGNIFICANT = 15;

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const FULL_STOPS = /[\uFF0E\u3002]/g;
const SPACES = /^[\s\u3000]+|[\s\u3000]+$/g;

/** Full-width digits and full stops to ASCII, surrounding (also full-width) spaces removed; nothing else changes. */
export function normaliseDigits(text: string): string {
  return text
    .replace(SPACES, '')
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(FULL_STOPS, '.');
}

const PLAIN = /^\d+(\.\d+)?$/;

function quantityProblemOf(s: string): QuantityProblem {
  if (/[,，、'’_\s\u3000]/.test(s)) return 'separator';
  if (/^[+-]?[\d.]*[eE]/.test(s)) return 'exponent';
  if (/^[-−－]/.test(s)) return 'negative';
  return 'format';
}

function significantDigits(s: string): number {
  return s.replace('.', '').replace(/^0+/, '').length;
}

/** A number already held as a number (from the API): the same limits as typed text. */
export function quantityValueProblem(n: number): QuantityProblem | null {
  if (!Number.isFinite(n)) return 'format';
  if (n < 0 || Object.is(n, -0)) return 'negative';
  if (n > QUANTITY_MAX) return 'tooBig';
  return null;
}

/** Typed quantity → number (empty → null) or the reason it is refused. */
export function parseQuantity(text: string): Parsed<number | null, QuantityProblem> {
  const s = normaliseDigits(text);
  if (s === '') return { ok: true, value: null };
  if (!PLAIN.test(s)) return { ok: false, problem: quantityProblemOf(s) };
  if (significantDigits(s) > MAX_SIGNIFICANT) return { ok: false, problem: 'precision' };
  const value = Number(s);
  const problem = quantityValueProblem(value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** Writes out 1.5e-7 as 0.00000015 (exactly the digits JavaScript prints, only without the exponent). */
function expand(n: number): string {
  const [mantissa, exp] = String(n).split('e') as [string, string | undefined];
  if (exp === undefined) return mantissa;
  const [int, frac = ''] = mantissa.split('.') as [string, string | undefined];
  const shift = Number(exp);
  const digits = int + frac;
  const point = int.length + shift;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** How a stored quantity is shown for editing: plain digits, never grouped or in exponent form. */
export function quantityText(n: number | null): string {
  return n === null ? '' : expand(n);
}

export type DateProblem = 'format' | 'calendar';

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Typed date → `YYYY-MM-DD` (empty → ''): accepts 2027-01-15, 2027/1/15, 2027.1.15 and 20270115; a day that does not exist is refused. */
export function parseDateText(text: string): Parsed<string, DateProblem> {
  const s = normaliseDigits(text).replace(/[／]/g, '/').replace(/[－]/g, '-');
  if (s === '') return { ok: true, value: '' };
  const m = DATE_FORMS.map((re) => re.exec(s)).find((x) => x !== null);
  if (!m) return { ok: false, problem: 'format' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (y < 1900 || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { ok: false, problem: 'calendar' };
  return { ok: true, value: iso };
}
