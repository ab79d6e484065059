/**
 * Certificate numbers (domain §8, GB/T 9704 §7.2.4): prefix, the year in hexagonal brackets, the sequence without
 * "第" and without leading zeros — `滨海化中试备〔2026〕12号`. The form is a setting (a pattern with placeholders);
 * numbers already issued are stored as printed and keep their form.
 */

export const DEFAULT_NUMBER_PATTERN = '{prefix}〔{year}〕{seq}号';

/** {prefix}, {year} and {seq} (plain) or {seq4} (four digits, zero-padded, the older form). */
const PLACEHOLDER = /\{(prefix|year|seq|seq4)\}/g;

export function formatCertificateNumber(pattern: string, a: { prefix: string; year: number; seq: number }): string {
  return pattern.replace(PLACEHOLDER, (_, name: string) => {
    if (name === 'prefix') return a.prefix;
    if (name === 'year') return String(a.year);
    if (name === 'seq4') return String(a.seq).padStart(4, '0');
    return String(a.seq);
  });
}

/** Why a pattern cannot number certificates (a catalogue key), or null: it must hold the year and one sequence. */
export function numberPatternProblem(pattern: string): string | null {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const seqs = names.filter((n) => n === 'seq' || n === 'seq4').length;
  if (seqs !== 1 || !names.includes('year')) return 'v.cert.numberPattern';
  // Leftover braces are a typo in a placeholder name.
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, ''))) return 'v.cert.numberPattern';
  return null;
}
